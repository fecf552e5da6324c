/**
 * What a plugin author implements: runners (where an agent runs), agents (what tool runs), job stores
 * (where jobs persist) and observers. Providers are found with {@link java.util.ServiceLoader}; each has a
 * stable {@code id()} and builds its working object in {@code create(...)}.
 */
package io.logist.spi;
