package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.EngineFixture.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import io.logist.InvalidTransitionException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobResult;
import io.logist.JobStatus;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.StepPhase;
import io.logist.event.JobEvent;
import io.logist.event.PhaseChanged;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code poststep}: a hand-written verdict taken as the next step. */
class PostedStepTest extends EngineTestCase {
    private static final String NEVER_RUN = "echo the agent must not run; exit 3";


    @Test
    void aValidVerdictIsRecordedAsTheNextStepWithTheEventsOfARealOne() throws Exception {
        JobId id = fixture.job(NEVER_RUN, NEVER_RUN);
        int eventsBefore = logist.events(id).size();

        JobResult result = logist.poststep(id, "Did it by hand.\n```json\n{\"action\": \"COMPLETED\","
                + " \"summary_for_supervisor\": \"wrote it by hand\"}\n```\n");

        assertThat(result.status()).isEqualTo(JobStatus.PENDING);
        JobInfo job = logist.status(id);
        StepInfo step = job.steps().get(0);
        assertThat(List.of(step.role(), step.agent(), step.runner())).containsExactly("worker", "poststep", "none");
        assertThat(step.outcome()).hasValue(StepOutcome.COMPLETED);
        assertThat(step.summary()).hasValue("wrote it by hand");
        assertThat(step.phase()).isEqualTo(StepPhase.DONE);
        assertThat(step.commit()).hasValue(git(fixture.repo, "rev-parse", job.branch()));
        List<JobEvent> events = logist.events(id);
        assertThat(events.subList(eventsBefore, events.size())).extracting(JobEvent::type).containsExactly(
                "job.state", "step.started", "step.phase", "step.phase", "step.phase", "step.finished", "job.state");
        assertThat(events).filteredOn(e -> e instanceof PhaseChanged).extracting(e -> ((PhaseChanged) e).phase())
                .containsExactly(StepPhase.EXECUTING, StepPhase.HARVESTING, StepPhase.DONE);
        assertThat(logist.log(id, 1)).contains("Did it by hand.");

        Files.writeString(job.workspace().resolve("b.txt"), "by hand\n");
        JobResult approved = logist.poststep(id, "{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"good\","
                + " \"evidence_files\": [\"b.txt\"]}");

        assertThat(approved.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(logist.status(id).steps()).extracting(StepInfo::role).containsExactly("worker", "supervisor");
        assertThat(git(fixture.repo, "show", job.branch() + ":b.txt")).isEqualTo("by hand");
    }

    @Test
    void aStuckVerdictNeedsIntervention() {
        JobId id = fixture.job(NEVER_RUN, NEVER_RUN);

        JobResult result = logist.poststep(id, "```json\n{\"action\": \"STUCK\", \"summary_for_supervisor\":"
                + " \"blocked\"}\n```");

        assertThat(result.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(result.reason()).hasValue("worker is stuck: blocked");
    }

    @Test
    void anInvalidVerdictIsRefusedWithTheParsersErrorAndChangesNothing() throws Exception {
        JobId id = fixture.job(NEVER_RUN, NEVER_RUN);
        String before = fixture.storedState(id);

        assertThatThrownBy(() -> logist.poststep(id, "Looks fine to me."))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no verdict found");
        assertThatThrownBy(() -> logist.poststep(id, "{\"action\": \"MAYBE\", \"summary_for_supervisor\": \"x\"}"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'MAYBE' is not one of");
        assertThatThrownBy(() -> logist.poststep(id, "{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"x\","
                + " \"evidence_files\": [\"../outside\"]}"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("escapes the workspace");

        assertThat(fixture.storedState(id)).isEqualTo(before);
        assertThat(logist.status(id).workspace()).doesNotExist();
    }

    @Test
    void onlyAPendingJobTakesAPostedStep() throws Exception {
        JobId id = fixture.draft(NEVER_RUN, NEVER_RUN);
        String before = fixture.storedState(id);

        assertThatThrownBy(() -> logist.poststep(id, "{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"x\"}"))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("cannot poststep job " + id + ": it is DRAFT");
        assertThat(fixture.storedState(id)).isEqualTo(before);
    }
}
