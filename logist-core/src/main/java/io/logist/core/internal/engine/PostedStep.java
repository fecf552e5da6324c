package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobResult;
import io.logist.LogistException;
import io.logist.StoreException;
import io.logist.core.internal.verdict.VerdictParser;
import io.logist.core.internal.verdict.VerdictResult;
import io.logist.spi.JobStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code poststep}: a person's hand-written verdict taken as the next step of a {@code PENDING} job, for tests and
 * demos. The verdict is checked like an agent's before anything changes; the step is then recorded like an
 * executed one and the loop's plan applied as {@code step} applies it.
 */
final class PostedStep {
    private static final Logger LOG = LoggerFactory.getLogger(PostedStep.class);

    private final JobStore store;
    private final StepExecutor executor;
    private final Clock clock;

    PostedStep(JobStore store, StepExecutor executor, Clock clock) {
        this.store = store;
        this.executor = executor;
        this.clock = clock;
    }

    JobResult post(JobId id, String response) {
        return JobResult.of(JobCommands.change(store, clock, id, JobAction.POSTSTEP, (journal, job) -> {
            VerdictResult result = VerdictParser.parseMessage(response, job.workspace());
            if (result instanceof VerdictResult.Invalid invalid) {
                throw new BadInputException("the response is not a valid verdict, nothing was changed: "
                        + invalid.error());
            }
            StepPlan.Decision decision = StepPlan.next(job);
            if (decision instanceof StepPlan.Decision.Rest rest) {
                throw new BadInputException("job " + id + " takes no further step: " + rest.describe()
                        + "; `logist job run " + id + "` moves it there");
            }
            StepPlan.Decision.Run run = (StepPlan.Decision.Run) decision;
            JobInfo running = journal.transition(job, JobAction.POSTSTEP, Optional.empty());
            JobInfo posted;
            try {
                posted = executor.post(running, journal, run, ((VerdictResult.Valid) result).verdict(), response).job();
            } catch (StoreException e) {
                throw e;
            } catch (LogistException | UncheckedIOException e) {
                LOG.debug("posted step of job {} failed", id, e);
                return journal.transition(JobCommands.load(store, id), JobAction.NEED_INTERVENTION,
                        Optional.of("the posted step could not be recorded: " + e.getMessage()));
            }
            return StepPlan.next(posted) instanceof StepPlan.Decision.Rest rest
                    ? journal.transition(posted, rest.action(), rest.reason())
                    : journal.transition(posted, JobAction.PAUSE, Optional.empty());
        }));
    }
}
