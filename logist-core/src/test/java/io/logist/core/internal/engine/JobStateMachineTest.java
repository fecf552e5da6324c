package io.logist.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.InvalidTransitionException;
import io.logist.JobId;
import io.logist.JobStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobStateMachineTest {
    private static final JobId ID = JobId.of("fix-login-3f9a");

    @Test
    void theLoopMovesThroughTheSpecifiedStates() {
        assertThat(JobStateMachine.next(JobStatus.DRAFT, JobAction.ACTIVATE)).contains(JobStatus.PENDING);
        assertThat(JobStateMachine.next(JobStatus.PENDING, JobAction.START)).contains(JobStatus.RUNNING);
        assertThat(JobStateMachine.next(JobStatus.RUNNING, JobAction.SUCCEED)).contains(JobStatus.SUCCESS);
        assertThat(JobStateMachine.next(JobStatus.RUNNING, JobAction.AWAIT_APPROVAL))
                .contains(JobStatus.APPROVAL_REQUIRED);
        assertThat(JobStateMachine.next(JobStatus.RUNNING, JobAction.NEED_INTERVENTION))
                .contains(JobStatus.INTERVENTION_REQUIRED);
        assertThat(JobStateMachine.next(JobStatus.RUNNING, JobAction.PAUSE)).contains(JobStatus.PENDING);
        assertThat(JobStateMachine.next(JobStatus.RUNNING, JobAction.FAIL)).contains(JobStatus.FAILED);
        assertThat(JobStateMachine.next(JobStatus.APPROVAL_REQUIRED, JobAction.APPROVE)).contains(JobStatus.SUCCESS);
        assertThat(JobStateMachine.next(JobStatus.APPROVAL_REQUIRED, JobAction.REJECT)).contains(JobStatus.PENDING);
        assertThat(JobStateMachine.next(JobStatus.INTERVENTION_REQUIRED, JobAction.RESUBMIT))
                .contains(JobStatus.PENDING);
        assertThat(JobStateMachine.next(JobStatus.SUSPENDED, JobAction.RESUME)).contains(JobStatus.PENDING);
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"SUCCESS", "FAILED", "CANCELED"})
    void terminalStatesChangeOnlyByRerun(JobStatus terminal) {
        for (JobAction action : JobAction.values()) {
            Optional<JobStatus> next = JobStateMachine.next(terminal, action);
            if (action == JobAction.RERUN || action == JobAction.RESTEP) {
                assertThat(next).contains(JobStatus.PENDING);
            } else {
                assertThat(next).as("%s from %s", action, terminal).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"SUCCESS", "FAILED", "CANCELED"})
    void everyNonTerminalStateCanBeCanceled(JobStatus status) {
        assertThat(JobStateMachine.next(status, JobAction.CANCEL)).contains(JobStatus.CANCELED);
    }

    @Test
    void rerunAndRestepAreRefusedWhileRunning() {
        assertThat(JobStateMachine.next(JobStatus.RUNNING, JobAction.RESTEP)).isEmpty();
        assertThat(JobStateMachine.next(JobStatus.RUNNING, JobAction.RERUN)).isEmpty();
    }

    @Test
    void aDraftJobReachesPendingOnlyByActivation() {
        for (JobAction action : JobAction.values()) {
            if (action != JobAction.ACTIVATE) {
                assertThat(JobStateMachine.next(JobStatus.DRAFT, action)).as("%s", action)
                        .isNotEqualTo(Optional.of(JobStatus.PENDING));
            }
        }
    }

    @Test
    void aStepIsPostedOnlyToAPendingJob() {
        for (JobStatus status : JobStatus.values()) {
            assertThat(JobStateMachine.next(status, JobAction.POSTSTEP)).as("%s", status)
                    .isEqualTo(status == JobStatus.PENDING ? Optional.of(JobStatus.RUNNING) : Optional.empty());
        }
    }

    @Test
    void aRefusedActionNamesTheStateAndTheAllowedCommands() {
        assertThatThrownBy(() -> JobStateMachine.require(ID, JobStatus.SUCCESS, JobAction.RESUME))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("cannot resume job fix-login-3f9a: it is SUCCESS")
                .hasMessageContaining("allowed from SUCCESS: rerun, restep")
                .satisfies(e -> assertThat(((InvalidTransitionException) e).allowed())
                        .containsExactly("rerun", "restep"));
    }

    @Test
    void allowedCommandsOfADraftJob() {
        assertThat(JobStateMachine.allowedCommands(JobStatus.DRAFT))
                .containsExactly("activate", "suspend", "cancel");
    }
}
