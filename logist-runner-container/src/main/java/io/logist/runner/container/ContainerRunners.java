package io.logist.runner.container;

import io.logist.RunnerException;
import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import io.logist.spi.Runner;
import io.logist.spi.RunnerContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a container runner plugin builds on: its options, its availability probe, and the runner itself. */
public final class ContainerRunners {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    private ContainerRunners() {
    }

    /**
     * The options every container runner understands beyond {@code image}, {@code env} and {@code timeout}:
     * {@code network}, {@code cpus}, {@code memory}, {@code mounts}, {@code user} and {@code pull}.
     */
    public static List<OptionSpec> options() {
        return ContainerOptions.SPECS;
    }

    /**
     * Whether {@code engine} can run containers here: its client is on the {@code PATH} of {@code environment}
     * and the engine answers with its version. Otherwise says which of the two is missing and how to fix it.
     */
    public static Probe probe(ContainerEngine engine, Map<String, String> environment) {
        EngineCli cli;
        try {
            cli = EngineCli.locate(engine, environment);
        } catch (RunnerException e) {
            return Probe.unavailable(e.getMessage());
        }
        String error;
        try {
            EngineCli.Result version = cli.run(PROBE_TIMEOUT, engine.versionCommand());
            if (version.ok() && !version.stdout().isBlank()) {
                String number = version.stdout().strip();
                return Probe.available(engine.id() + " " + number + " answers (client " + cli.binary() + ")", number);
            }
            error = version.error();
        } catch (RunnerException e) {
            error = e.getMessage();
        }
        return Probe.unavailable(engine.unreachable(cli.binary(), environment,
                error.matches("(?s).*[.?!]") ? error : error + "."));
    }

    /**
     * The runner for {@code engine}: each step in a fresh container, its client found in the context's
     * environment, its containers labelled with the context's home.
     *
     * @throws RunnerException when the engine's client is not on the PATH
     */
    public static Runner create(ContainerEngine engine, RunnerContext context) {
        return new ContainerRunner(EngineCli.locate(engine, context.environment()), context.home());
    }
}
