package io.logist.core.internal.runner;

import com.google.auto.service.AutoService;
import io.logist.RunnerException;
import io.logist.spi.Probe;
import io.logist.spi.Runner;
import io.logist.spi.RunnerContext;
import io.logist.spi.RunnerProvider;

/**
 * The {@code host} runner: agents run as local processes, each in its own session, writing their output to
 * files of the step directory, so that a crashed Logist can re-attach to them. Every agent process gets
 * {@code LOGIST_HOME} and {@code LOGIST_JOB} in its environment, by which crash recovery and the orphan sweep
 * find it. Needs Linux with {@code setsid}, {@code kill} and {@code sh} on the {@code PATH}.
 */
@AutoService(RunnerProvider.class)
public final class HostRunnerProvider implements RunnerProvider {
    public static final String ID = "host";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Probe probe() {
        try {
            HostTools tools = HostTools.locate(System.getenv());
            return Probe.available("setsid at " + tools.setsid() + ", kill at " + tools.kill(), null);
        } catch (RunnerException e) {
            return Probe.unavailable(e.getMessage());
        }
    }

    /**
     * Builds the runner with the tools found in {@code context}'s environment.
     *
     * @throws RunnerException when this is not Linux or {@code setsid} or {@code kill} is missing
     */
    @Override
    public Runner create(RunnerContext context) {
        return new HostRunner(HostTools.locate(context.environment()), ProcFs.system(), Ticker.SYSTEM,
                context.home());
    }
}
