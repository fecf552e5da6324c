package io.logist.agent.mock;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the mock agent does in a step, chosen with {@code agents.mock.scenario}. */
enum MockScenario {
    /** The worker edits the file and completes; the supervisor approves. */
    SUCCESS("success"),
    /** The supervisor asks for one revision, which the worker makes from the feedback in its prompt. */
    REVISE_ONCE("revise-once"),
    /** The worker says it cannot continue. */
    STUCK("stuck"),
    /** The agent exits 0 without any verdict. */
    NO_VERDICT("no-verdict"),
    /** The agent fails with exit code 1 and an error on standard error. */
    CRASH("crash"),
    /** The agent prints nothing and never exits. */
    HANG("hang"),
    /** The agent reports progress once a second for {@code agents.mock.seconds}, then succeeds. */
    SLOW("slow"),
    /** The agent asks for Enter on a standard input that is left open. */
    WAITING_INPUT("waiting-input");

    private final String id;

    MockScenario(String id) {
        this.id = id;
    }

    /** The value used in configuration. */
    String id() {
        return id;
    }

    /** Whether standard input stays open, like a terminal nobody answers. */
    boolean leavesStdinOpen() {
        return this == WAITING_INPUT;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(MockScenario::id).toList();
    }

    static Optional<MockScenario> byId(String id) {
        return Arrays.stream(values()).filter(scenario -> scenario.id.equals(id)).findFirst();
    }
}
