package io.logist.core.internal.config;

import io.logist.JobSettings;
import io.logist.JobSettings.Workflow;
import io.logist.Limits;
import io.logist.RoleSettings;
import io.logist.SentinelSettings;
import io.logist.core.internal.config.ConfigValue.Mapping;
import io.logist.core.internal.sentinel.Signal;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/** The keys of {@code logist.yml} and their rules: turns the merged layers into {@link JobSettings}. */
final class SettingsSchema {
    static final List<String> TOP_LEVEL_KEYS = List.of(
            "runner", "agent", "workflow", "requireApproval", "branchPrefix", "env", "limits", "sentinel", "signals",
            "harvest", "roles", "agents", "runners");
    static final List<String> LIMIT_KEYS = List.of(
            "maxSteps", "maxRounds", "maxCostUsd", "maxTokens", "maxWallTime", "stepTimeout", "idleTimeout");
    static final List<String> ROLE_KEYS = List.of("agent", "instructions");
    static final List<String> SENTINEL_KEYS = List.of("loopRepeats", "exitGrace", "terminateGrace", "retries",
            "retryBackoff");
    /** The signals the observer classifies output into; users add patterns to them. */
    private static final List<String> SIGNAL_NAMES = Signal.ids();
    static final List<String> HARVEST_KEYS = List.of("remote");

    private static final Map<String, Workflow> WORKFLOWS = orderedWorkflows();
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern BRANCH_PREFIX = Pattern.compile("(?![/-])(?!.*\\.\\.)[A-Za-z0-9_./-]*");

    private final Problems problems;
    private final ValueChecks checks;
    private final PluginSections agents;
    private final PluginSections runners;

    SettingsSchema(Problems problems, PluginSections agents, PluginSections runners) {
        this.problems = problems;
        this.checks = new ValueChecks(problems);
        this.agents = agents;
        this.runners = runners;
    }

    /**
     * The settings in {@code root}, the merged layers.
     *
     * @throws io.logist.ConfigurationException listing every problem found in the layers and in {@code root}
     */
    JobSettings read(Mapping root) {
        checks.knownKeys("", root, TOP_LEVEL_KEYS);
        Optional<String> runner = top(root, "runner").flatMap(v -> checks.installed("runner", v, runners.ids(), runners.kind()));
        Optional<String> agent = top(root, "agent").flatMap(v -> checks.installed("agent", v, agents.ids(), agents.kind()));
        Optional<Workflow> workflow = top(root, "workflow")
                .flatMap(v -> checks.oneOf("workflow", v, WORKFLOWS.keySet())).map(WORKFLOWS::get);
        Optional<Boolean> requireApproval = top(root, "requireApproval").flatMap(v -> checks.bool("requireApproval", v));
        Optional<String> branchPrefix = top(root, "branchPrefix").flatMap(this::branchPrefix);
        Optional<List<String>> environment = top(root, "env").flatMap(v -> checks.variableNames("env", v));
        Optional<Limits> limits = top(root, "limits").flatMap(this::limits);
        Optional<SentinelSettings> sentinel = top(root, "sentinel").flatMap(this::sentinel);
        Optional<Map<String, List<String>>> signals = top(root, "signals").flatMap(this::signals);
        Optional<Optional<String>> harvestRemote = top(root, "harvest").flatMap(this::harvestRemote);
        Map<String, RoleSettings> roles = top(root, "roles").map(v -> roles(v, agent)).orElse(Map.of());
        Map<String, Map<String, Object>> agentOptions = top(root, "agents")
                .map(v -> agents.read(checks, "agents", v)).orElse(Map.of());
        Map<String, Map<String, Object>> runnerOptions = top(root, "runners")
                .map(v -> runners.read(checks, "runners", v)).orElse(Map.of());
        problems.throwIfAny();
        return new JobSettings(runner.orElseThrow(), workflow.orElseThrow(), roles, limits.orElseThrow(),
                requireApproval.orElseThrow(), branchPrefix.orElseThrow(), environment.orElseThrow(),
                agentOptions, runnerOptions, sentinel.orElseThrow(), signals.orElseThrow(), harvestRemote.orElseThrow());
    }

    private Optional<ConfigValue> top(Mapping root, String key) {
        return checks.required("", root, key);
    }

    private Optional<String> branchPrefix(ConfigValue value) {
        return checks.text("branchPrefix", value).flatMap(prefix -> checks.reported("branchPrefix", value,
                "must be a git branch prefix: letters, digits and - _ . /, without '..', not starting with / or -",
                Optional.of(prefix).filter(p -> BRANCH_PREFIX.matcher(p).matches())));
    }

    private Optional<Limits> limits(ConfigValue value) {
        return checks.mapping("limits", value).flatMap(limits -> {
            checks.knownKeys("limits", limits, LIMIT_KEYS);
            Optional<Long> maxSteps = limit(limits, "maxSteps", v -> checks.wholeNumber("limits.maxSteps", v, 1, Integer.MAX_VALUE));
            Optional<Long> maxRounds = limit(limits, "maxRounds", v -> checks.wholeNumber("limits.maxRounds", v, 1, Integer.MAX_VALUE));
            Optional<Optional<BigDecimal>> maxCostUsd = switchable(limits, "maxCostUsd",
                    v -> checks.decimal("limits.maxCostUsd", v, BigDecimal.ZERO));
            Optional<Optional<Long>> maxTokens = switchable(limits, "maxTokens",
                    v -> checks.wholeNumber("limits.maxTokens", v, 1, Long.MAX_VALUE));
            Optional<Duration> maxWallTime = limit(limits, "maxWallTime", v -> checks.duration("limits.maxWallTime", v, true));
            Optional<Duration> stepTimeout = limit(limits, "stepTimeout", v -> checks.duration("limits.stepTimeout", v, true));
            Optional<Duration> idleTimeout = limit(limits, "idleTimeout", v -> checks.duration("limits.idleTimeout", v, true));
            if (!Stream.of(maxSteps, maxRounds, maxCostUsd, maxTokens, maxWallTime, stepTimeout, idleTimeout).allMatch(Optional::isPresent)) {
                return Optional.empty();
            }
            return Optional.of(new Limits(maxSteps.orElseThrow().intValue(), maxRounds.orElseThrow().intValue(),
                    maxCostUsd.orElseThrow(), maxTokens.orElseThrow(),
                    maxWallTime.orElseThrow(), stepTimeout.orElseThrow(), idleTimeout.orElseThrow()));
        });
    }

    private Optional<SentinelSettings> sentinel(ConfigValue value) {
        return checks.mapping("sentinel", value).flatMap(sentinel -> {
            checks.knownKeys("sentinel", sentinel, SENTINEL_KEYS);
            Optional<Long> loopRepeats = checks.required("sentinel", sentinel, "loopRepeats")
                    .flatMap(v -> checks.wholeNumber("sentinel.loopRepeats", v, 2, Integer.MAX_VALUE));
            Optional<Duration> exitGrace = checks.required("sentinel", sentinel, "exitGrace")
                    .flatMap(v -> checks.duration("sentinel.exitGrace", v, true));
            Optional<Duration> terminateGrace = checks.required("sentinel", sentinel, "terminateGrace")
                    .flatMap(v -> checks.duration("sentinel.terminateGrace", v, true));
            Optional<Long> retries = checks.required("sentinel", sentinel, "retries")
                    .flatMap(v -> checks.wholeNumber("sentinel.retries", v, 0, Integer.MAX_VALUE));
            Optional<Duration> retryBackoff = checks.required("sentinel", sentinel, "retryBackoff")
                    .flatMap(v -> checks.duration("sentinel.retryBackoff", v, true));
            if (!Stream.of(loopRepeats, exitGrace, terminateGrace, retries, retryBackoff).allMatch(Optional::isPresent)) {
                return Optional.empty();
            }
            return Optional.of(new SentinelSettings(loopRepeats.orElseThrow().intValue(), exitGrace.orElseThrow(),
                    terminateGrace.orElseThrow(), retries.orElseThrow().intValue(), retryBackoff.orElseThrow()));
        });
    }

    /** Extra patterns by signal name; each must be a valid regular expression. */
    private Optional<Map<String, List<String>>> signals(ConfigValue value) {
        return checks.mapping("signals", value).map(byName -> {
            checks.knownKeys("signals", byName, SIGNAL_NAMES);
            Map<String, List<String>> signals = new LinkedHashMap<>();
            byName.entries().forEach((name, patterns) -> {
                String property = "signals." + name;
                if (SIGNAL_NAMES.contains(name)) {
                    checks.textList(property, patterns).filter(list -> list.stream().allMatch(p -> validRegex(property, patterns, p)))
                            .ifPresent(list -> signals.put(name, list));
                }
            });
            return signals;
        });
    }

    private boolean validRegex(String property, ConfigValue value, String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            problems.add(property, value, "must hold regular expressions, but '" + pattern + "' is not one: "
                    + e.getDescription());
            return false;
        }
    }

    private Optional<Optional<String>> harvestRemote(ConfigValue value) {
        return checks.mapping("harvest", value).flatMap(harvest -> {
            checks.knownKeys("harvest", harvest, HARVEST_KEYS);
            Optional<ConfigValue> remote = ValueChecks.optional(harvest, "remote");
            return remote.isEmpty() ? Optional.of(Optional.<String>empty())
                    : checks.text("harvest.remote", remote.get()).map(Optional::of);
        });
    }

    private <T> Optional<T> limit(Mapping limits, String key, Function<ConfigValue, Optional<T>> read) {
        return checks.required("limits", limits, key).flatMap(read);
    }

    /**
     * A limit that null switches off ({@code maxCostUsd: ~}): then the result holds an empty limit. The result
     * itself is empty only when the value breaks its rule.
     */
    private static <T> Optional<Optional<T>> switchable(Mapping limits, String key, Function<ConfigValue, Optional<T>> read) {
        Optional<ConfigValue> value = ValueChecks.optional(limits, key);
        return value.isEmpty() ? Optional.of(Optional.empty()) : read.apply(value.get()).map(Optional::of);
    }

    private Map<String, RoleSettings> roles(ConfigValue value, Optional<String> defaultAgent) {
        Map<String, RoleSettings> roles = new LinkedHashMap<>();
        checks.mapping("roles", value).ifPresent(byName -> byName.entries().forEach((name, role) ->
                role(name, role, defaultAgent).ifPresent(settings -> roles.put(name, settings))));
        return roles;
    }

    private Optional<RoleSettings> role(String name, ConfigValue value, Optional<String> defaultAgent) {
        String prefix = "roles." + name;
        if (!ROLE_NAME.matcher(name).matches()) {
            problems.add(prefix, value, "is not a valid role name: lowercase letters, digits and -, starting with a letter");
            return Optional.empty();
        }
        return checks.mapping(prefix, value).flatMap(role -> {
            checks.knownKeys(prefix, role, ROLE_KEYS);
            Optional<ConfigValue> ownAgent = ValueChecks.optional(role, "agent");
            // A role without its own agent uses the top-level one, whose problems are reported there.
            Optional<String> agent = ownAgent.isPresent()
                    ? checks.installed(prefix + ".agent", ownAgent.get(), agents.ids(), agents.kind())
                    : defaultAgent;
            Optional<String> instructions = checks.required(prefix, role, "instructions")
                    .flatMap(v -> checks.text(prefix + ".instructions", v)
                            .flatMap(text -> checks.reported(prefix + ".instructions", v, "must not be empty",
                                    Optional.of(text.strip()).filter(t -> !t.isEmpty()))));
            return agent.flatMap(a -> instructions.map(i -> new RoleSettings(name, a, i)));
        });
    }

    private static Map<String, Workflow> orderedWorkflows() {
        Map<String, Workflow> workflows = new LinkedHashMap<>();
        workflows.put("worker-supervisor", Workflow.WORKER_SUPERVISOR);
        workflows.put("worker-only", Workflow.WORKER_ONLY);
        return Collections.unmodifiableMap(workflows);
    }
}
