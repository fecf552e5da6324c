package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.EngineFixture.git;
import static io.logist.core.internal.engine.EngineFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.logist.BadInputException;
import io.logist.InvalidTransitionException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobStatus;
import io.logist.PastStep;
import io.logist.StepInfo;
import io.logist.Usage;
import io.logist.event.StepsSuperseded;
import io.logist.spi.Observer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rerun and restep, end to end: the workspace, the job branch and the history. */
class JobRewindTest extends EngineTestCase {
    private static final String WORKER = "echo line$STEP >> a.txt; " + verdict("COMPLETED", "added a line");
    /** Asks for one more change in step 2, approves otherwise. */
    private static final String SUPERVISOR = "if [ \"$STEP\" = 2 ]; then " + verdict("RETRY", "one more line")
            + "; else " + verdict("COMPLETED", "fine") + "; fi";


    @Test
    void restepKeepsTheStepsUpToItsTargetAndTheNextRunBuildsOnThatCheckpoint() throws Exception {
        JobId id = fixture.job(WORKER, SUPERVISOR);
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        JobInfo first = logist.status(id);
        List<String> firstCommits = first.steps().stream().map(s -> s.commit().orElseThrow()).toList();
        assertThat(firstCommits).hasSize(4);

        JobInfo restepped = logist.restep(id, 1);

        assertThat(restepped.status()).isEqualTo(JobStatus.PENDING);
        assertThat(restepped.steps()).extracting(StepInfo::n).containsExactly(1);
        assertThat(restepped.history()).extracting(PastStep::run, PastStep::by, p -> p.step().n())
                .containsExactly(tuple(1, "restep", 2),
                        tuple(1, "restep", 3),
                        tuple(1, "restep", 4));
        assertThat(supersededEvents(id)).singleElement().satisfies(e -> assertSuperseded(e, 1, 2, "restep"));
        assertThat(restepped.workspace().resolve("a.txt")).hasContent("line1");
        assertThat(git(fixture.repo, "rev-parse", first.branch())).isEqualTo(firstCommits.get(0));
        Path jobDirectory = fixture.jobDirectory(id);
        assertThat(jobDirectory.resolve("history/1/prompt.md")).exists();
        assertThat(jobDirectory.resolve("steps/2")).doesNotExist();

        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);

        JobInfo job = logist.status(id);
        List<String> branch = git(fixture.repo, "log", "--format=%H", first.branch()).lines().toList();
        List<String> stepCommits = job.steps().stream().map(s -> s.commit().orElseThrow()).toList();
        List<String> newestFirst = new ArrayList<>(stepCommits);
        Collections.reverse(newestFirst);
        assertThat(branch.subList(0, 4)).containsExactlyElementsOf(newestFirst);
        assertThat(branch.get(3)).isEqualTo(firstCommits.get(0));
        assertThat(branch.get(4)).isEqualTo(job.baseCommit());
        // The steps ran again, after the restep; their commits may still equal the first run's, since git
        // names a commit by its content and these steps repeat the same change within the same second.
        Instant firstEnded = first.steps().get(3).endedAt().orElseThrow();
        assertThat(job.steps().subList(1, 4)).allSatisfy(s -> assertThat(s.startedAt()).isAfterOrEqualTo(firstEnded));
        assertThat(job.history()).hasSize(3);
        assertThat(job.steps().get(1).log()).isEqualTo(Path.of("logs/2-supervisor.2.log"));
        assertThat(logist.log(id, 2)).filteredOn(l -> l.startsWith("# logist")).hasSize(1);

        // A manifest rebuilt from the events is the one the engine wrote, up to when each was stamped: the
        // steps kept by the restep, the logs of the re-run steps, where the job was sent back.
        Files.writeString(jobDirectory.resolve("job.json"), "{garbled");
        assertThat(logist.status(id)).usingRecursiveComparison().ignoringFieldsOfTypes(Instant.class).isEqualTo(job);
    }

    @Test
    void restepToZeroGoesBackToTheBaseAndOtherTargetsAreRefused() throws Exception {
        JobId id = fixture.job(WORKER, verdict("COMPLETED", "fine"));
        logist.run(id, Observer.NOOP);
        JobInfo done = logist.status(id);
        Files.writeString(done.workspace().resolve("scratch.txt"), "left by hand\n");
        String before = fixture.storedState(id);

        assertThatThrownBy(() -> logist.restep(id, 3)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("job " + id + " has 2 steps; --to must be 0..2");
        assertThatThrownBy(() -> logist.restep(id, -1)).isInstanceOf(BadInputException.class);
        assertThat(fixture.storedState(id)).isEqualTo(before);

        JobInfo restepped = logist.restep(id, 0);

        assertThat(restepped.steps()).isEmpty();
        assertThat(restepped.history()).hasSize(2);
        assertThat(restepped.sentBackAfter()).isEmpty();
        assertThat(done.workspace().resolve("a.txt")).doesNotExist();
        assertThat(done.workspace().resolve("scratch.txt")).doesNotExist();
        assertThat(git(fixture.repo, "rev-parse", done.branch())).isEqualTo(done.baseCommit());
    }

    @Test
    void restepToAStuckStepGoesOnWithAWorker() {
        JobId id = fixture.job("if [ \"$STEP\" = 1 ]; then " + verdict("STUCK", "no idea") + "; else " + WORKER
                + "; fi", verdict("COMPLETED", "fine"));
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);

        JobInfo restepped = logist.restep(id, 1);

        assertThat(restepped.history()).isEmpty();
        assertThat(supersededEvents(id)).isEmpty();
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(logist.status(id).steps()).extracting(StepInfo::role)
                .containsExactly("worker", "worker", "supervisor");
    }

    @Test
    void rerunStartsTheNextRunFromTheBaseAndKeepsTheFirstInTheHistory() throws Exception {
        JobId id = fixture.job(WORKER, verdict("COMPLETED", "fine"));
        logist.run(id, Observer.NOOP);
        JobInfo first = logist.status(id);

        JobInfo rerun = logist.rerun(id);

        assertThat(rerun.status()).isEqualTo(JobStatus.PENDING);
        assertThat(rerun.run()).isEqualTo(2);
        assertThat(rerun.steps()).isEmpty();
        assertThat(rerun.usage()).isEqualTo(Usage.NONE);
        assertThat(rerun.history()).extracting(PastStep::run, PastStep::by).containsOnly(
                tuple(1, "rerun"));
        assertThat(rerun.history()).extracting(PastStep::step).containsExactlyElementsOf(first.steps());
        assertThat(supersededEvents(id)).singleElement().satisfies(e -> assertSuperseded(e, 1, 1, "rerun"));
        assertThat(rerun.workspace().resolve("a.txt")).doesNotExist();
        assertThat(rerun.workspace().resolve("README.md")).hasContent("hello");
        assertThat(git(fixture.repo, "rev-parse", first.branch())).isEqualTo(first.baseCommit());

        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);

        JobInfo second = logist.status(id);
        assertThat(second.run()).isEqualTo(2);
        assertThat(second.steps()).extracting(StepInfo::role).containsExactly("worker", "supervisor");
        assertThat(second.history()).hasSize(2);
        assertThat(second.workspace().resolve("a.txt")).hasContent("line1");
        assertThat(logist.log(id, 1)).filteredOn(l -> l.startsWith("# logist")).hasSize(1);
    }

    @Test
    void rerunAndRestepAreRefusedWhileRunningAndForADraft() throws Exception {
        JobId running = fixture.job(WORKER, verdict("COMPLETED", "fine"));
        JobInfo job = logist.status(running);
        fixture.otherStore().save(job.withStatus(JobStatus.RUNNING, Optional.empty(), job.updatedAt()));
        String before = fixture.storedState(running);
        assertThatThrownBy(() -> logist.rerun(running)).isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("it is RUNNING");
        assertThatThrownBy(() -> logist.restep(running, 0)).isInstanceOf(InvalidTransitionException.class);
        assertThat(fixture.storedState(running)).isEqualTo(before);

        JobId draft = fixture.draft(WORKER, verdict("COMPLETED", "fine"));
        String draftBefore = fixture.storedState(draft);
        assertThatThrownBy(() -> logist.rerun(draft)).isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("it is DRAFT; allowed from DRAFT: activate");
        assertThat(fixture.storedState(draft)).isEqualTo(draftBefore);
    }

    private List<StepsSuperseded> supersededEvents(JobId id) {
        return logist.events(id).stream().filter(e -> e instanceof StepsSuperseded).map(e -> (StepsSuperseded) e)
                .toList();
    }

    private static void assertSuperseded(StepsSuperseded event, int run, int fromStep, String by) {
        assertThat(List.of(event.run(), event.fromStep(), event.by())).containsExactly(run, fromStep, by);
    }
}
