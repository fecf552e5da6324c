package io.logist;

import java.util.Objects;

/**
 * A role as configured for a job.
 *
 * @param name         {@code worker}, {@code supervisor} or a role defined in {@code logist.yml}
 * @param agent        the id of the agent that plays the role
 * @param instructions what the role is told to do, placed at the top of its prompt
 */
public record RoleSettings(String name, String agent, String instructions) {
    public RoleSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(instructions, "instructions");
    }

    /** This role played by another agent. */
    public RoleSettings withAgent(String newAgent) {
        return new RoleSettings(name, newAgent, instructions);
    }
}
