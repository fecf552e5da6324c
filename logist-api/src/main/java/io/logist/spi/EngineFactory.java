package io.logist.spi;

import io.logist.Logist;

/**
 * Builds the engine behind {@link Logist}; {@code logist-core} provides the one implementation, found with
 * {@link java.util.ServiceLoader} the way SLF4J finds its provider.
 */
public interface EngineFactory {
    Logist create(EngineOptions options);
}
