package io.logist;

import java.util.List;
import java.util.Objects;

/**
 * What the next step of a job would run, computed without running or changing anything.
 *
 * @param step             the step number it would have
 * @param role             the role that would act
 * @param agent            the agent id
 * @param runner           the runner id
 * @param prompt           the exact prompt, verdict instructions, hand-off summary and feedback included
 * @param command          the command line
 * @param environmentNames the names of the variables the process would get; values are never shown
 */
public record StepPreview(int step, String role, String agent, String runner, String prompt, List<String> command,
                          List<String> environmentNames) {
    public StepPreview {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(prompt, "prompt");
        command = List.copyOf(command);
        environmentNames = List.copyOf(environmentNames);
    }
}
