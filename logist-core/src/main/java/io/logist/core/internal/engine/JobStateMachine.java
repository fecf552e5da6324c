package io.logist.core.internal.engine;

import static io.logist.JobStatus.APPROVAL_REQUIRED;
import static io.logist.JobStatus.CANCELED;
import static io.logist.JobStatus.DRAFT;
import static io.logist.JobStatus.FAILED;
import static io.logist.JobStatus.INTERVENTION_REQUIRED;
import static io.logist.JobStatus.PENDING;
import static io.logist.JobStatus.RUNNING;
import static io.logist.JobStatus.SUCCESS;
import static io.logist.JobStatus.SUSPENDED;

import io.logist.InvalidTransitionException;
import io.logist.JobId;
import io.logist.JobStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The transition table of SPEC section 2. Every transition not listed here is refused. */
final class JobStateMachine {
    private JobStateMachine() {
    }

    /** The state {@code action} leads to from {@code from}, when the table allows it. */
    static Optional<JobStatus> next(JobStatus from, JobAction action) {
        JobStatus to = switch (action) {
            case ACTIVATE -> from == DRAFT ? PENDING : null;
            case START, POSTSTEP -> from == PENDING ? RUNNING : null;
            case SUCCEED -> from == RUNNING ? SUCCESS : null;
            case AWAIT_APPROVAL -> from == RUNNING ? APPROVAL_REQUIRED : null;
            case NEED_INTERVENTION -> from == RUNNING ? INTERVENTION_REQUIRED : null;
            case PAUSE -> from == RUNNING ? PENDING : null;
            case FAIL -> from == RUNNING ? FAILED : null;
            case APPROVE -> from == APPROVAL_REQUIRED ? SUCCESS : null;
            case REJECT -> from == APPROVAL_REQUIRED ? PENDING : null;
            case RESUBMIT -> from == INTERVENTION_REQUIRED ? PENDING : null;
            case SUSPEND -> !from.isTerminal() && from != SUSPENDED ? SUSPENDED : null;
            case RESUME -> from == SUSPENDED ? PENDING : null;
            case CANCEL -> !from.isTerminal() ? CANCELED : null;
            // Not from DRAFT: only activate checks that the runner and agents are available.
            case RERUN, RESTEP -> from != RUNNING && from != DRAFT ? PENDING : null;
        };
        return Optional.ofNullable(to);
    }

    /**
     * The state {@code action} leads to.
     *
     * @throws InvalidTransitionException naming the current state and the commands it allows
     */
    static JobStatus require(JobId id, JobStatus from, JobAction action) {
        return next(from, action).orElseThrow(() ->
                new InvalidTransitionException(id, from, action.command(), allowedCommands(from)));
    }

    /** The commands a person may run on a job in state {@code from}. */
    static List<String> allowedCommands(JobStatus from) {
        return Arrays.stream(JobAction.values())
                .filter(JobAction::isCommand)
                .filter(a -> next(from, a).isPresent())
                .map(JobAction::command)
                .toList();
    }
}
