package io.logist;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective, validated configuration of one job: built-in defaults, the user's and the repository's
 * {@code logist.yml}, then the job's own settings, merged once at creation and stored with the job so that
 * it runs the same way later.
 *
 * @param runner          the id of the runner every step uses
 * @param workflow        which roles take turns
 * @param roles           every role by name; {@code worker} and {@code supervisor} are always present
 * @param limits          the budget
 * @param requireApproval whether a supervisor approval waits for a human ({@code APPROVAL_REQUIRED})
 * @param branchPrefix    the job branch is {@code branchPrefix + jobId}
 * @param environment     names of variables passed from Logist's environment to every agent
 * @param agentOptions    {@code agents.<id>.*}, by agent id; values are strings, numbers, booleans, lists
 *                        and maps as written in YAML
 * @param runnerOptions   {@code runners.<id>.*}, by runner id
 * @param sentinel        how running steps are watched
 * @param signals         extra output patterns by signal name ({@code rate-limit}, {@code auth-failed},
 *                        {@code context-overflow}, {@code network-error}, {@code waiting-input}), added to
 *                        the built-in ones
 * @param harvestRemote   the git remote that {@code harvest --push} pushes the job branch to
 */
public record JobSettings(String runner, Workflow workflow, Map<String, RoleSettings> roles, Limits limits,
                          boolean requireApproval, String branchPrefix, List<String> environment,
                          Map<String, Map<String, Object>> agentOptions,
                          Map<String, Map<String, Object>> runnerOptions, SentinelSettings sentinel,
                          Map<String, List<String>> signals, Optional<String> harvestRemote) {

    /** Which roles take turns in the loop. */
    public enum Workflow {
        /** A worker step, then a supervisor step that approves or asks for changes. */
        WORKER_SUPERVISOR,
        /** Only worker steps; the worker's COMPLETED verdict approves its own work. */
        WORKER_ONLY
    }

    public JobSettings {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(workflow, "workflow");
        roles = Map.copyOf(roles);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(branchPrefix, "branchPrefix");
        environment = List.copyOf(environment);
        agentOptions = Map.copyOf(agentOptions);
        runnerOptions = Map.copyOf(runnerOptions);
        Objects.requireNonNull(sentinel, "sentinel");
        signals = Map.copyOf(signals);
        Objects.requireNonNull(harvestRemote, "harvestRemote");
    }

    /** The role named {@code name}, if configured. */
    public Optional<RoleSettings> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    /** The options of agent {@code agentId}; empty when none are configured. */
    public Map<String, Object> agentOptions(String agentId) {
        return agentOptions.getOrDefault(agentId, Map.of());
    }

    /** The options of runner {@code runnerId}; empty when none are configured. */
    public Map<String, Object> runnerOptions(String runnerId) {
        return runnerOptions.getOrDefault(runnerId, Map.of());
    }
}
