package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobSettings;
import io.logist.JobStatus;
import io.logist.RoleSettings;
import io.logist.StepPreview;
import io.logist.core.internal.files.FileTrees;
import io.logist.spi.Invocation;
import io.logist.spi.JobStore;
import io.logist.spi.StepRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code preview}: what the next step of a job would run, computed the way the step computes it: the role the
 * loop picks, the exact prompt, and the agent's command line and environment. The agent prepares the step in a
 * scratch directory outside the job, deleted afterwards, so nothing of the job changes.
 */
final class Previewer {
    private static final Logger LOG = LoggerFactory.getLogger(Previewer.class);

    private final JobStore store;
    private final StepExecutor executor;
    private final PluginInstances instances;
    private final Map<String, String> environment;
    private final Clock clock;

    Previewer(JobStore store, StepExecutor executor, PluginInstances instances, Map<String, String> environment,
              Clock clock) {
        this.store = store;
        this.executor = executor;
        this.instances = instances;
        this.environment = environment;
        this.clock = clock;
    }

    /** @throws BadInputException when the job runs a step now, is finished, or its next run takes no step */
    StepPreview preview(JobId id) {
        JobInfo job = JobCommands.load(store, id);
        if (job.status() == JobStatus.RUNNING || job.status().isTerminal()) {
            throw refused(job, job.status() == JobStatus.RUNNING
                    ? "a step runs now; follow it with `logist job logs " + id + " --follow`"
                    : "it takes no more steps");
        }
        StepPlan.Decision decision = StepPlan.next(job);
        if (decision instanceof StepPlan.Decision.Rest rest) {
            throw refused(job, "it takes no further step, " + rest.describe());
        }
        StepPlan.Decision.Run run = (StepPlan.Decision.Run) decision;
        JobSettings settings = job.settings();
        RoleSettings role = StepExecutor.role(settings, run.role());
        int n = job.steps().size() + 1;
        String prompt = executor.prompt(job, role, run.reask());
        Map<String, Object> agentOptions = settings.agentOptions(role.agent());
        Path scratch = createScratchDirectory();
        try {
            StepRequest request = new StepRequest(job.id(), n, role.name(), prompt, job.workspace(), scratch,
                    agentOptions, Budget.remaining(job, clock.instant()));
            Invocation invocation = instances.agent(role.agent()).prepare(request);
            StepEnvironment env = StepEnvironment.of(settings, agentOptions, invocation, environment);
            return new StepPreview(n, role.name(), role.agent(), settings.runner(), prompt, invocation.command(),
                    env.values().keySet().stream().sorted().toList());
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static BadInputException refused(JobInfo job, String why) {
        return new BadInputException("nothing to preview for job " + job.id() + ": it is " + job.status() + " and "
                + why + "; allowed from " + job.status() + ": "
                + String.join(", ", JobStateMachine.allowedCommands(job.status())));
    }

    private static Path createScratchDirectory() {
        try {
            return Files.createTempDirectory("logist-preview-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory for the preview", e);
        }
    }

    /** A scratch directory left behind is harmless and must not hide the preview or its failure. */
    private static void deleteQuietly(Path directory) {
        try {
            FileTrees.delete(directory);
        } catch (IOException e) {
            LOG.warn("could not delete the preview's scratch directory {}: {}", directory, e.toString());
        }
    }
}
