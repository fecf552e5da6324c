package io.logist.core.internal.engine;

import io.logist.spi.OwnerRequest;
import java.util.Locale;

/** What can happen to a job; each names the command a person would type, for error messages. */
enum JobAction {
    ACTIVATE, START, POSTSTEP, SUCCEED, AWAIT_APPROVAL, NEED_INTERVENTION, PAUSE, FAIL,
    APPROVE, REJECT, RESUBMIT, SUSPEND, RESUME, CANCEL, RERUN, RESTEP;

    /** The action as a person would type it, such as {@code activate} or {@code restep}. */
    String command() {
        return switch (this) {
            case START -> "run";
            case SUCCEED, AWAIT_APPROVAL, NEED_INTERVENTION, PAUSE, FAIL -> "finish a step";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** What the owner of a job does when another process asks it with {@code request}. */
    static JobAction answering(OwnerRequest request) {
        return request == OwnerRequest.CANCEL ? CANCEL : SUSPEND;
    }

    /** Whether a person starts this action; the others happen inside a step or run. */
    boolean isCommand() {
        return switch (this) {
            case SUCCEED, AWAIT_APPROVAL, NEED_INTERVENTION, PAUSE, FAIL -> false;
            default -> true;
        };
    }
}
