package io.logist.spi;

import java.util.List;

/**
 * A runner plugin, found with {@link java.util.ServiceLoader}. Cheap to load: the runner itself is built
 * in {@link #create(RunnerContext)}.
 */
public interface RunnerProvider {

    /** The stable id used in {@code runner:}, such as {@code host} or {@code docker}. */
    String id();

    /**
     * The options this runner understands beyond the ones every runner understands ({@code image},
     * {@code env}, {@code timeout}).
     */
    default List<OptionSpec> options() {
        return List.of();
    }

    /** Whether this runner can work here, and if not, why and how to fix it. */
    Probe probe();

    Runner create(RunnerContext context);
}
