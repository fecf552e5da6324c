package io.logist.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logist.ConfigProblem;
import io.logist.ConfigurationException;
import io.logist.JobSettings;
import io.logist.JobSettings.Workflow;
import io.logist.Limits;
import io.logist.RoleSettings;
import io.logist.SentinelSettings;
import io.logist.spi.OptionSpec;
import io.logist.spi.OptionSpec.Type;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsResolverTest {
    private static final String KNOWN_TOP_LEVEL_KEYS =
            "known keys: runner, agent, workflow, requireApproval, branchPrefix, env, limits, sentinel, signals, harvest,"
                    + " roles, agents, runners";

    private final SettingsResolver resolver = new SettingsResolver(
            Map.of("mock", List.of(OptionSpec.oneOf("scenario", "what the mock does", List.of("success", "revise-once", "stuck"))),
                    "claude-code", List.of(
                            OptionSpec.of("maxTurns", Type.INTEGER, "turns per step"),
                            OptionSpec.of("temperature", Type.DECIMAL, "sampling temperature"),
                            OptionSpec.of("pause", Type.DURATION, "wait between turns"),
                            OptionSpec.of("verbose", Type.BOOLEAN, "log more"),
                            OptionSpec.of("tools", Type.STRING_LIST, "allowed tools"),
                            OptionSpec.of("headers", Type.STRING_MAP, "extra HTTP headers"),
                            OptionSpec.oneOf("model", "the models it accepts", List.of("sonnet", "opus")))),
            Map.of("host", List.of(),
                    "docker", List.of(OptionSpec.of("cpus", Type.INTEGER, "CPUs"), OptionSpec.of("network", Type.STRING, "network"))));

    @TempDir
    Path dir;

    private Path file(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    private JobSettings resolve(Path... files) {
        return resolver.resolve(List.of(files), Map.of(), "--set");
    }

    private JobSettings resolveWith(Map<String, String> overrides) {
        return resolver.resolve(List.of(), overrides, "--set");
    }

    private JobSettings resolveYaml(String yaml) throws IOException {
        return resolve(file("logist.yml", yaml));
    }

    private static List<String> problemsOf(Runnable resolution) {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, resolution::run);
        assertThat(e).as("a ConfigurationException").isNotNull();
        return e.problems().stream().map(ConfigProblem::describe).toList();
    }

    private List<String> problemsOfYaml(String yaml) throws IOException {
        Path file = file("logist.yml", yaml);
        return problemsOf(() -> resolve(file));
    }

    private String at(int line) {
        return " (" + dir.resolve("logist.yml") + " line " + line + ")";
    }

    @Nested
    class Defaults {
        @Test
        void withoutFilesOrOverridesTheBuiltInDefaultsApply() {
            JobSettings settings = resolve();

            assertThat(settings.runner()).isEqualTo("host");
            assertThat(settings.workflow()).isEqualTo(Workflow.WORKER_SUPERVISOR);
            assertThat(settings.limits()).isEqualTo(Limits.DEFAULTS);
            assertThat(settings.requireApproval()).isFalse();
            assertThat(settings.branchPrefix()).isEqualTo("logist/");
            assertThat(settings.environment()).containsExactly("PATH", "HOME", "LANG", "LC_ALL", "TZ", "USER", "TMPDIR");
            assertThat(settings.roles()).containsOnlyKeys("worker", "supervisor");
            assertThat(settings.roles().values()).extracting(RoleSettings::agent).containsOnly("mock");
            assertThat(settings.agentOptions()).isEmpty();
            assertThat(settings.runnerOptions()).isEmpty();
        }

        @Test
        void builtInRolesHaveInstructionsForTheirJob() {
            JobSettings settings = resolve();

            assertThat(settings.role("worker").orElseThrow().instructions()).contains("worker", "workspace", "COMPLETED");
            assertThat(settings.role("supervisor").orElseThrow().instructions())
                    .contains("supervisor", "Review", "tests", "COMPLETED", "RETRY", "feedback");
        }

        @Test
        void aMissingFileIsSkipped() {
            assertThat(resolve(dir.resolve("absent/logist.yml"))).isEqualTo(resolve());
        }

        @Test
        void anEmptyFileChangesNothing() throws IOException {
            assertThat(resolveYaml("# nothing set yet\n")).isEqualTo(resolve());
        }

        @Test
        void defaultYamlResolvesCleanlyToTheDefaults() throws IOException {
            assertThat(resolveYaml(SettingsResolver.defaultYaml())).isEqualTo(resolve());
        }

        @Test
        void defaultYamlShowsEveryKey() {
            String yaml = SettingsResolver.defaultYaml();

            for (String key : SettingsSchema.TOP_LEVEL_KEYS) {
                assertThat(yaml).containsPattern("(?m)^" + key + ":");
            }
            for (String key : SettingsSchema.LIMIT_KEYS) {
                assertThat(yaml).containsPattern("(?m)^  " + key + ":");
            }
            assertThat(yaml).contains("worker:", "supervisor:", "instructions:", "# agent:", "#");
        }

        @Test
        void defaultsDoNotDependOnMockBeingTheOnlyAgent() {
            SettingsResolver withoutMock = new SettingsResolver(Map.of("claude-code", List.of()), Map.of("host", List.of()));

            assertThat(problemsOf(() -> withoutMock.resolve(List.of(), Map.of(), "--set")))
                    .containsExactly("agent was 'mock' but it must be an installed agent: claude-code (built-in default)");
            assertThat(withoutMock.resolve(List.of(), Map.of("agent", "claude-code"), "--set").role("worker").orElseThrow().agent())
                    .isEqualTo("claude-code");
        }
    }

    @Nested
    class Precedence {
        @Test
        void userFileThenRepoFileThenOverridesEachChangeOnlyWhatTheyName() throws IOException {
            Path user = file("home/logist.yml", "agent: claude-code\nlimits:\n  maxSteps: 7\n  maxRounds: 2\n");
            Path repo = file("repo/logist.yml", "limits:\n  maxSteps: 9\nrequireApproval: true\n");

            JobSettings settings = resolver.resolve(List.of(user, repo), Map.of("limits.maxSteps", "3"), "--set");

            assertThat(settings.limits().maxSteps()).isEqualTo(3);
            assertThat(settings.limits().maxRounds()).isEqualTo(2);
            assertThat(settings.limits().maxWallTime()).isEqualTo(Duration.ofHours(2));
            assertThat(settings.requireApproval()).isTrue();
            assertThat(settings.role("worker").orElseThrow().agent()).isEqualTo("claude-code");
        }

        @Test
        void theRepoFileWinsOverTheUserFile() throws IOException {
            Path user = file("home/logist.yml", "branchPrefix: mine/\n");
            Path repo = file("repo/logist.yml", "branchPrefix: team/\n");

            assertThat(resolve(user, repo).branchPrefix()).isEqualTo("team/");
            assertThat(resolve(repo, user).branchPrefix()).isEqualTo("mine/");
        }

        @Test
        void aListIsReplacedNotAppended() throws IOException {
            assertThat(resolveYaml("env: [PATH, ANTHROPIC_API_KEY]\n").environment()).containsExactly("PATH", "ANTHROPIC_API_KEY");
        }

        @Test
        void laterOverridesWinOverEarlierOnes() {
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("agents.mock", "{scenario: stuck}");
            overrides.put("agents.mock.scenario", "revise-once");

            assertThat(resolveWith(overrides).agentOptions("mock")).containsExactly(Map.entry("scenario", "revise-once"));
        }

        @Test
        void aSectionWhoseEntriesAreAllCommentedOutChangesNothing() throws IOException {
            JobSettings settings = resolveYaml("limits:\n#  maxSteps: 3\nagents:\n  mock:\nroles:\n  worker:\n");

            assertThat(settings.limits()).isEqualTo(Limits.DEFAULTS);
            assertThat(settings.agentOptions()).containsExactly(Map.entry("mock", Map.of()));
            assertThat(settings.roles()).isEqualTo(resolve().roles());
        }

        @Test
        void aBadValueThatAHigherLayerReplacesNeverTakesEffectAndIsNotReported() throws IOException {
            Path user = file("home/logist.yml", "limits:\n  maxSteps: many\n");

            JobSettings settings = resolver.resolve(List.of(user), Map.of("limits.maxSteps", "4"), "--set");

            assertThat(settings.limits().maxSteps()).isEqualTo(4);
        }
    }

    @Nested
    class TopLevel {
        @Test
        void everyTopLevelSettingIsRead() throws IOException {
            JobSettings settings = resolveYaml("""
                    runner: docker
                    agent: claude-code
                    workflow: worker-only
                    requireApproval: yes
                    branchPrefix: team/ai-
                    env: [PATH, _PRIVATE_1]
                    """);

            assertThat(settings.runner()).isEqualTo("docker");
            assertThat(settings.role("supervisor").orElseThrow().agent()).isEqualTo("claude-code");
            assertThat(settings.workflow()).isEqualTo(Workflow.WORKER_ONLY);
            assertThat(settings.requireApproval()).isTrue();
            assertThat(settings.branchPrefix()).isEqualTo("team/ai-");
            assertThat(settings.environment()).containsExactly("PATH", "_PRIVATE_1");
        }

        @Test
        void anUnknownKeyIsReportedWithItsLineAndTheKnownKeys() throws IOException {
            assertThat(problemsOfYaml("runner: host\n\nlimitz:\n  maxSteps: 3\n"))
                    .containsExactly("limitz was '{...}' but it is not a known key; " + KNOWN_TOP_LEVEL_KEYS + at(3));
        }

        @Test
        void keysAreCaseSensitive() throws IOException {
            assertThat(problemsOfYaml("Runner: host\n"))
                    .containsExactly("Runner was 'host' but it is not a known key; " + KNOWN_TOP_LEVEL_KEYS + at(1));
        }

        @Test
        void anAgentThatIsNotInstalledIsReported() throws IOException {
            assertThat(problemsOfYaml("agent: nope\n"))
                    .containsExactly("agent was 'nope' but it must be an installed agent: claude-code, mock" + at(1));
        }

        @Test
        void aRunnerThatIsNotInstalledIsReported() throws IOException {
            assertThat(problemsOfYaml("runner: kubernetes\n"))
                    .containsExactly("runner was 'kubernetes' but it must be an installed runner: docker, host" + at(1));
        }

        @Test
        void anUnknownWorkflowIsReported() throws IOException {
            assertThat(problemsOfYaml("workflow: both\n"))
                    .containsExactly("workflow was 'both' but it must be one of: worker-supervisor, worker-only" + at(1));
        }

        @Test
        void requireApprovalMustBeABoolean() throws IOException {
            assertThat(problemsOfYaml("requireApproval: maybe\n"))
                    .containsExactly("requireApproval was 'maybe' but it must be true or false" + at(1));
        }

        @Test
        void aRequiredSettingCannotBeUnset() throws IOException {
            assertThat(problemsOfYaml("runner: ~\n")).containsExactly("runner must be set" + at(1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-x/", "/x", "a..b/", "a b", "ü/", "x~"})
        void aBranchPrefixMustBeUsableInAGitRef(String prefix) throws IOException {
            assertThat(problemsOfYaml("branchPrefix: '" + prefix + "'\n")).containsExactly("branchPrefix was '" + prefix
                    + "' but it must be a git branch prefix: letters, digits and - _ . /, without '..', not starting with / or -" + at(1));
        }

        @Test
        void envMustBeAListOfVariableNames() throws IOException {
            assertThat(problemsOfYaml("env: PATH\n"))
                    .containsExactly("env was 'PATH' but it must be a list of environment variable names such as [PATH, HOME]" + at(1));
            assertThat(problemsOfYaml("env:\n  - PATH\n  - 1BAD\n  - A-B\n")).containsExactly(
                    "env was '1BAD' but it must be an environment variable name: letters, digits and _, not starting with a digit" + at(3),
                    "env was 'A-B' but it must be an environment variable name: letters, digits and _, not starting with a digit" + at(4));
        }
    }

    @Nested
    class LimitsSection {
        @Test
        void everyLimitIsRead() throws IOException {
            Limits limits = resolveYaml("""
                    limits:
                      maxSteps: 3
                      maxRounds: 1
                      maxCostUsd: 0.25
                      maxTokens: 100000
                      maxWallTime: 1h30m
                      stepTimeout: 600
                      idleTimeout: 500ms
                    """).limits();

            assertThat(limits).isEqualTo(new Limits(3, 1, Optional.of(new BigDecimal("0.25")), Optional.of(100000L),
                    Duration.ofMinutes(90), Duration.ofMinutes(10), Duration.ofMillis(500)));
        }

        @Test
        void nullSwitchesTheCostLimitOff() throws IOException {
            assertThat(resolveYaml("limits: {maxCostUsd: ~}\n").limits().maxCostUsd()).isEmpty();
        }

        @Test
        void aNegativeCostIsReported() throws IOException {
            assertThat(problemsOfYaml("runner: host\nlimits:\n  maxCostUsd: -3\n"))
                    .containsExactly("limits.maxCostUsd was '-3' but it must be >= 0" + at(3));
        }

        @Test
        void aCostMustBeANumber() throws IOException {
            assertThat(problemsOfYaml("limits:\n  maxCostUsd: five\n"))
                    .containsExactly("limits.maxCostUsd was 'five' but it must be a number such as 0.25" + at(2));
        }

        @Test
        void stepsMustBeAWholeNumberOfAtLeastOne() throws IOException {
            assertThat(problemsOfYaml("limits:\n  maxSteps: 0\n  maxRounds: 2.5\n  maxTokens: 0\n")).containsExactly(
                    "limits.maxSteps was '0' but it must be a whole number >= 1" + at(2),
                    "limits.maxRounds was '2.5' but it must be a whole number >= 1" + at(3),
                    "limits.maxTokens was '0' but it must be a whole number >= 1" + at(4));
        }

        @Test
        void stepsMustFitTheLimitsRecord() throws IOException {
            assertThat(problemsOfYaml("limits:\n  maxSteps: 3000000000\n"))
                    .containsExactly("limits.maxSteps was '3000000000' but it must be a whole number <= 2147483647" + at(2));
        }

        @Test
        void aBadDurationIsReported() throws IOException {
            assertThat(problemsOfYaml("limits:\n  maxWallTime: soon\n  idleTimeout: 0s\n")).containsExactly(
                    "limits.maxWallTime was 'soon' but it must be a duration > 0 such as 30s, 5m, 2h or 1h30m" + at(2),
                    "limits.idleTimeout was '0s' but it must be a duration > 0 such as 30s, 5m, 2h or 1h30m" + at(3));
        }

        @Test
        void anUnknownLimitIsReported() throws IOException {
            assertThat(problemsOfYaml("limits:\n  maxStep: 3\n")).containsExactly("limits.maxStep was '3' but it is not a known key; "
                    + "known keys: maxSteps, maxRounds, maxCostUsd, maxTokens, maxWallTime, stepTimeout, idleTimeout" + at(2));
        }

        @Test
        void limitsMustBeAMap() throws IOException {
            assertThat(problemsOfYaml("limits: 5\n")).containsExactly("limits was '5' but it must be a map such as {key: value}" + at(1));
        }
    }

    @Nested
    class Roles {
        @Test
        void aRoleUsesTheTopLevelAgentUnlessItNamesItsOwn() throws IOException {
            JobSettings settings = resolveYaml("agent: claude-code\nroles:\n  supervisor: {agent: mock}\n");

            assertThat(settings.role("worker").orElseThrow().agent()).isEqualTo("claude-code");
            assertThat(settings.role("supervisor").orElseThrow().agent()).isEqualTo("mock");
            assertThat(settings.role("supervisor").orElseThrow().instructions()).isEqualTo(resolve().role("supervisor").orElseThrow().instructions());
        }

        @Test
        void builtInInstructionsMayBeReplaced() throws IOException {
            assertThat(resolveYaml("roles:\n  worker:\n    instructions: |\n      Fix only the failing test.\n")
                    .role("worker").orElseThrow().instructions()).isEqualTo("Fix only the failing test.");
        }

        @Test
        void aCustomRoleIsAddedWithItsInstructions() throws IOException {
            RoleSettings reviewer = resolveYaml("roles:\n  security-review:\n    instructions: Look for injections.\n")
                    .role("security-review").orElseThrow();

            assertThat(reviewer).isEqualTo(new RoleSettings("security-review", "mock", "Look for injections."));
        }

        @Test
        void aCustomRoleNeedsInstructions() throws IOException {
            assertThat(problemsOfYaml("roles:\n  reviewer:\n    agent: mock\n"))
                    .containsExactly("roles.reviewer.instructions must be set" + at(2));
        }

        @Test
        void aCustomRoleWithNothingSetNeedsInstructions() throws IOException {
            assertThat(problemsOfYaml("roles:\n  reviewer:\n")).containsExactly("roles.reviewer.instructions must be set" + at(2));
        }

        @Test
        void instructionsMustNotBeEmpty() throws IOException {
            assertThat(problemsOfYaml("roles:\n  worker:\n    instructions: '  '\n"))
                    .containsExactly("roles.worker.instructions was '  ' but it must not be empty" + at(3));
        }

        @Test
        void aRoleAgentMustBeInstalled() throws IOException {
            assertThat(problemsOfYaml("roles:\n  supervisor:\n    agent: gpt\n"))
                    .containsExactly("roles.supervisor.agent was 'gpt' but it must be an installed agent: claude-code, mock" + at(3));
        }

        @Test
        void roleNamesAreLowercase() throws IOException {
            assertThat(problemsOfYaml("roles:\n  Reviewer: {instructions: Review.}\n")).containsExactly(
                    "roles.Reviewer was '{...}' but it is not a valid role name: lowercase letters, digits and -, starting with a letter" + at(2));
        }

        @Test
        void aRoleTakesOnlyAgentAndInstructions() throws IOException {
            assertThat(problemsOfYaml("roles:\n  worker:\n    model: opus\n"))
                    .containsExactly("roles.worker.model was 'opus' but it is not a known key; known keys: agent, instructions" + at(3));
        }
    }

    @Nested
    class PluginOptions {
        @Test
        void optionsOfAnInstalledAgentAreTypedAsDeclared() throws IOException {
            Map<String, Object> options = resolveYaml("""
                    agents:
                      claude-code:
                        maxTurns: 12
                        temperature: 0.250
                        pause: 90s
                        verbose: true
                        tools: [Read, Edit]
                        headers: {X-Team: ai}
                        model: opus
                    """).agentOptions("claude-code");

            assertThat(options).containsExactly(
                    Map.entry("model", "opus"),
                    Map.entry("maxTurns", 12L),
                    Map.entry("temperature", "0.25"),
                    Map.entry("pause", "90s"),
                    Map.entry("verbose", true),
                    Map.entry("tools", List.of("Read", "Edit")),
                    Map.entry("headers", Map.of("X-Team", "ai")));
        }

        @Test
        void optionsEveryAgentUnderstandsAreTyped() throws IOException {
            Map<String, Object> options = resolveYaml("""
                    agents:
                      mock:
                        model: 4
                        path: /opt/mock
                        baseUrl: http://localhost:8080/v1
                        apiKeyEnv: MOCK_KEY
                        env: {MOCK_LEVEL: 3}
                        extraArgs: [--fast, '1']
                        inheritUserConfig: false
                    """).agentOptions("mock");

            assertThat(options).containsExactly(
                    Map.entry("model", "4"),
                    Map.entry("path", "/opt/mock"),
                    Map.entry("baseUrl", "http://localhost:8080/v1"),
                    Map.entry("apiKeyEnv", "MOCK_KEY"),
                    Map.entry("env", Map.of("MOCK_LEVEL", "3")),
                    Map.entry("extraArgs", List.of("--fast", "1")),
                    Map.entry("inheritUserConfig", false));
        }

        @Test
        void badAgentOptionsAreEachReported() throws IOException {
            assertThat(problemsOfYaml("""
                    agents:
                      mock:
                        scenario: explode
                        scenari: success
                        apiKeyEnv: my key
                        env: {1BAD: x}
                        extraArgs: --fast
                        inheritUserConfig: sometimes
                      claude-code:
                        maxTurns: lots
                        temperature: warm
                        pause: later
                        tools: {a: b}
                        headers: [a]
                    """)).containsExactly(
                    "agents.mock.scenario was 'explode' but it must be one of: success, revise-once, stuck" + at(3),
                    "agents.mock.scenari was 'success' but it is not a known key; known keys: model, path, baseUrl, apiKeyEnv, env, "
                            + "extraArgs, inheritUserConfig, scenario" + at(4),
                    "agents.mock.apiKeyEnv was 'my key' but it must be an environment variable name: letters, digits and _, "
                            + "not starting with a digit" + at(5),
                    "agents.mock.env was '1BAD' but it must be an environment variable name: letters, digits and _, "
                            + "not starting with a digit" + at(6),
                    "agents.mock.extraArgs was '--fast' but it must be a list of text values such as [a, b]" + at(7),
                    "agents.mock.inheritUserConfig was 'sometimes' but it must be true or false" + at(8),
                    "agents.claude-code.maxTurns was 'lots' but it must be a whole number" + at(10),
                    "agents.claude-code.temperature was 'warm' but it must be a number such as 0.25" + at(11),
                    "agents.claude-code.pause was 'later' but it must be a duration such as 30s, 5m, 2h or 1h30m" + at(12),
                    "agents.claude-code.tools was '{...}' but it must be a list of text values such as [a, b]" + at(13),
                    "agents.claude-code.headers was '[...]' but it must be a map of text values such as {KEY: value}" + at(14));
        }

        @Test
        void aPluginMayNarrowACommonOption() throws IOException {
            assertThat(problemsOfYaml("agents:\n  claude-code: {model: gpt-5}\n"))
                    .containsExactly("agents.claude-code.model was 'gpt-5' but it must be one of: sonnet, opus" + at(2));
        }

        @Test
        void nullMeansAnOptionIsNotSet() throws IOException {
            Path user = file("home/logist.yml", "agents:\n  mock: {scenario: stuck, model: m1}\n");
            Path repo = file("repo/logist.yml", "agents:\n  mock: {scenario: ~}\n");

            assertThat(resolve(user, repo).agentOptions("mock")).containsExactly(Map.entry("model", "m1"));
        }

        @Test
        void theSectionOfAnAgentThatIsNotInstalledIsKeptAsWritten() throws IOException {
            Map<String, Object> gemini = resolveYaml("""
                    agents:
                      gemini:
                        model: pro
                        retries: 3
                        sandbox: true
                        temperature: 0.50
                        flags: [a, 2]
                        nested: {k: v, gone: ~}
                    """).agentOptions("gemini");

            assertThat(gemini).containsExactly(
                    Map.entry("model", "pro"),
                    Map.entry("retries", 3L),
                    Map.entry("sandbox", true),
                    Map.entry("temperature", "0.50"),
                    Map.entry("flags", List.of("a", 2L)),
                    Map.entry("nested", Map.of("k", "v")));
        }

        @Test
        void theSectionOfAPluginThatIsNotInstalledMustStillBeAMap() throws IOException {
            assertThat(problemsOfYaml("agents:\n  gemini: fast\nruners: {}\n")).containsExactly(
                    "agents.gemini was 'fast' but it must be a map such as {key: value}" + at(2),
                    "runers was '{}' but it is not a known key; " + KNOWN_TOP_LEVEL_KEYS + at(3));
        }

        @Test
        void sentinelSignalsAndHarvestAreReadAndChecked() throws IOException {
            JobSettings settings = resolveYaml("""
                    sentinel: {loopRepeats: 3, exitGrace: 10s, retries: 1, retryBackoff: 2s}
                    signals: {rate-limit: ['quota \\d+ exceeded'], waiting-input: ['Continue\\?']}
                    harvest: {remote: origin}
                    """);
            assertThat(settings.sentinel()).isEqualTo(new SentinelSettings(3, Duration.ofSeconds(10),
                    SentinelSettings.DEFAULTS.terminateGrace(), 1, Duration.ofSeconds(2)));
            assertThat(settings.signals()).containsEntry("rate-limit", List.of("quota \\d+ exceeded"))
                    .containsEntry("waiting-input", List.of("Continue\\?"));
            assertThat(settings.harvestRemote()).contains("origin");

            assertThat(problemsOfYaml("sentinel: {loopRepeats: 1}\nsignals: {rate-limit: ['(unclosed'], typo: []}\n"))
                    .containsExactly(
                            "sentinel.loopRepeats was '1' but it must be a whole number >= 2" + at(1),
                            "signals.typo was '[]' but it is not a known key; known keys: rate-limit, auth-failed,"
                                    + " context-overflow, network-error, waiting-input" + at(2),
                            "signals.rate-limit was '[...]' but it must hold regular expressions, but '(unclosed'"
                                    + " is not one: Unclosed group" + at(2));
        }

        @Test
        void defaultsLeaveSignalsEmptyAndNoHarvestRemote() throws IOException {
            JobSettings settings = resolveYaml("runner: host\n");
            assertThat(settings.sentinel()).isEqualTo(SentinelSettings.DEFAULTS);
            assertThat(settings.signals()).isEmpty();
            assertThat(settings.harvestRemote()).isEmpty();
        }

        @Test
        void runnerOptionsAreTyped() throws IOException {
            JobSettings settings = resolveYaml("""
                    runners:
                      docker: {image: 'eclipse-temurin:17', env: [JAVA_HOME], timeout: 1h, cpus: 2, network: none}
                      host: {env: {LANG: C.UTF-8}}
                      podman: {image: x, memory: 4g}
                    """);

            assertThat(settings.runnerOptions("docker")).containsExactly(
                    Map.entry("image", "eclipse-temurin:17"),
                    Map.entry("env", List.of("JAVA_HOME")),
                    Map.entry("timeout", "1h"),
                    Map.entry("cpus", 2L),
                    Map.entry("network", "none"));
            assertThat(settings.runnerOptions("host")).containsExactly(Map.entry("env", Map.of("LANG", "C.UTF-8")));
            assertThat(settings.runnerOptions("podman")).containsExactly(Map.entry("image", "x"), Map.entry("memory", "4g"));
        }

        @Test
        void badRunnerOptionsAreReported() throws IOException {
            assertThat(problemsOfYaml("runners:\n  host:\n    timeout: 0s\n    env: PATH\n    cpus: 2\n")).containsExactly(
                    "runners.host.timeout was '0s' but it must be a duration > 0 such as 30s, 5m, 2h or 1h30m" + at(3),
                    "runners.host.env was 'PATH' but it must be a list of environment variable names or a map of NAME: value" + at(4),
                    "runners.host.cpus was '2' but it is not a known key; known keys: image, env, timeout" + at(5));
        }

        @Test
        void optionMapsAreImmutableAndPlainJson() throws IOException {
            JobSettings settings = resolveYaml("""
                    agents:
                      mock: {scenario: success, extraArgs: [a], env: {K: v}}
                      other: {n: 1, on: true, list: [x], map: {y: z}}
                    """);

            assertThatThrownBy(() -> settings.agentOptions("mock").put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
            assertThat(new ObjectMapper().writeValueAsString(settings.agentOptions("mock")))
                    .isEqualTo("{\"env\":{\"K\":\"v\"},\"extraArgs\":[\"a\"],\"scenario\":\"success\"}");
            assertThat(new ObjectMapper().writeValueAsString(settings.agentOptions("other")))
                    .isEqualTo("{\"n\":1,\"on\":true,\"list\":[\"x\"],\"map\":{\"y\":\"z\"}}");
        }
    }

    @Nested
    class Overrides {
        @Test
        void overrideValuesAreReadAsYaml() {
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("limits.maxSteps", "3");
            overrides.put("limits.maxCostUsd", "0.5");
            overrides.put("requireApproval", "true");
            overrides.put("agents.mock.scenario", "revise-once");
            overrides.put("agents.mock.extraArgs", "[a, b]");
            overrides.put("roles.supervisor.agent", "claude-code");
            overrides.put("runner", "docker");
            overrides.put("runners.docker.env.TOKEN", "abc");

            JobSettings settings = resolveWith(overrides);

            assertThat(settings.limits().maxSteps()).isEqualTo(3);
            assertThat(settings.limits().maxCostUsd()).contains(new BigDecimal("0.5"));
            assertThat(settings.requireApproval()).isTrue();
            assertThat(settings.agentOptions("mock")).containsExactly(
                    Map.entry("extraArgs", List.of("a", "b")), Map.entry("scenario", "revise-once"));
            assertThat(settings.role("supervisor").orElseThrow().agent()).isEqualTo("claude-code");
            assertThat(settings.runner()).isEqualTo("docker");
            assertThat(settings.runnerOptions("docker")).containsExactly(Map.entry("env", Map.of("TOKEN", "abc")));
        }

        @Test
        void overrideTextThatIsNoYamlScalarIsTakenAsWritten() {
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("agents.mock.model", "printf '%s' 'a: b, c' ```");
            overrides.put("roles.supervisor.instructions", "Review: carefully, then answer.");

            JobSettings settings = resolveWith(overrides);

            assertThat(settings.agentOptions("mock")).containsEntry("model", "printf '%s' 'a: b, c' ```");
            assertThat(settings.role("supervisor").orElseThrow().instructions())
                    .isEqualTo("Review: carefully, then answer.");
        }

        @Test
        void aBadOverrideNamesItsKey() {
            assertThat(problemsOf(() -> resolveWith(Map.of("limits.maxSteps", "many"))))
                    .containsExactly("limits.maxSteps was 'many' but it must be a whole number >= 1 (--set limits.maxSteps)");
        }

        @Test
        void theOverrideSourceIsNamedAsGiven() {
            assertThat(problemsOf(() -> resolver.resolve(List.of(), Map.of("agent", "nope"), "job setting")))
                    .containsExactly("agent was 'nope' but it must be an installed agent: claude-code, mock (job setting agent)");
        }

        @Test
        void anUnknownDottedKeyIsReported() {
            assertThat(problemsOf(() -> resolveWith(Map.of("limitz.maxSteps", "3"))))
                    .containsExactly("limitz was '{...}' but it is not a known key; " + KNOWN_TOP_LEVEL_KEYS + " (--set limitz.maxSteps)");
            assertThat(problemsOf(() -> resolveWith(Map.of("agents.mock.scenari", "stuck")))).containsExactly(
                    "agents.mock.scenari was 'stuck' but it is not a known key; known keys: model, path, baseUrl, apiKeyEnv, env, "
                            + "extraArgs, inheritUserConfig, scenario (--set agents.mock.scenari)");
        }

        @Test
        void aMalformedKeyIsReported() {
            assertThat(problemsOf(() -> resolveWith(Map.of("limits..maxSteps", "3")))).containsExactly(
                    "limits..maxSteps was '3' but it is not a valid setting key; use dotted keys such as limits.maxSteps (--set limits..maxSteps)");
        }

        @Test
        void aMalformedValueIsReported() {
            assertThat(problemsOf(() -> resolveWith(Map.of("agents.mock.extraArgs", "[a, b"))))
                    .singleElement().asString()
                    .startsWith("agents.mock.extraArgs was '[a, b' but it could not be read as YAML: ")
                    .endsWith("(--set agents.mock.extraArgs)");
        }

        @Test
        void anEmptyValueUnsetsAnOptionalSetting() {
            assertThat(resolveWith(Map.of("limits.maxCostUsd", "")).limits().maxCostUsd()).isEmpty();
            assertThat(resolveWith(Map.of("limits.maxTokens", "# none")).limits().maxTokens()).isEmpty();
        }

        @Test
        void anEmptyValueCannotUnsetARequiredSetting() {
            assertThat(problemsOf(() -> resolveWith(Map.of("limits.maxSteps", ""))))
                    .containsExactly("limits.maxSteps must be set (--set limits.maxSteps)");
        }
    }

    @Nested
    class FileProblems {
        @Test
        void malformedYamlIsReportedWithItsLine() throws IOException {
            Path file = file("logist.yml", "runner: host\nlimits:\n  maxSteps: 3\n  maxRounds: a: b\n");

            assertThat(problemsOf(() -> resolve(file))).containsExactly("(file) could not be read as YAML: "
                    + "mapping values are not allowed here (line 4, column 15) (" + file + ")");
        }

        @Test
        void aTopLevelThatIsNotAMapIsReported() throws IOException {
            assertThat(problemsOfYaml("- runner\n- host\n"))
                    .containsExactly("(file) was '[...]' but it must be a map of settings such as 'runner: host'" + at(1));
        }

        @Test
        void aFileThatCannotBeReadIsReported() throws IOException {
            Path directory = Files.createDirectories(dir.resolve("logist.yml"));

            assertThat(problemsOf(() -> resolve(directory))).singleElement().asString()
                    .startsWith("(file) could not be read (")
                    .endsWith("); make it a readable UTF-8 file or remove it (" + directory + ")");
        }

        @Test
        void aFileThatIsNotUtf8IsReported() throws IOException {
            Path file = Files.write(dir.resolve("logist.yml"), new byte[] {'r', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

            assertThat(problemsOf(() -> resolve(file)))
                    .containsExactly("(file) could not be read (it is not UTF-8 text); make it a readable UTF-8 file or remove it (" + file + ")");
        }

        @Test
        void aKeySetTwiceIsReported() throws IOException {
            assertThat(problemsOfYaml("runner: host\nagent: mock\nrunner: docker\n"))
                    .containsExactly("runner is set twice in the same map; remove one of them" + at(3));
        }

        @Test
        void anAliasThatRefersToItselfIsReported() throws IOException {
            assertThat(problemsOfYaml("env: &e [PATH, *e]\n"))
                    .containsExactly("env refers to itself through a YAML alias; write the value out instead" + at(1));
        }

        @Test
        void javaTypeTagsAreRefused() throws IOException {
            assertThat(problemsOfYaml("agents:\n  mock:\n    model: !!javax.script.ScriptEngineManager [x]\n"))
                    .containsExactly("(file) could not be read as YAML: Global tag is not allowed: "
                            + "tag:yaml.org,2002:javax.script.ScriptEngineManager (line 3, column 12) (" + dir.resolve("logist.yml") + ")");
        }

        @Test
        void anExplicitStandardTagKeepsItsText() throws IOException {
            assertThat(resolveYaml("agents:\n  mock: {model: !!int 'abc', extraArgs: [!!float x]}\n").agentOptions("mock"))
                    .containsExactly(Map.entry("model", "abc"), Map.entry("extraArgs", List.of("x")));
        }
    }

    @Test
    void everyProblemOfEveryLayerIsReportedTogetherInOrderOfSourceThenLine() throws IOException {
        Path user = file("home/logist.yml", """
                limits:
                  stepTimeout: forever
                agent: nope
                """);
        Path broken = file("broken/logist.yml", "runner: [host\n");
        Path repo = file("repo/logist.yml", """
                workflow: sometimes
                roles:
                  reviewer: {agent: mock}
                """);
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("limits.maxSteps", "-1");
        overrides.put("bogus", "1");

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> resolver.resolve(List.of(user, broken, repo), overrides, "--set"));

        assertThat(e.problems()).extracting(ConfigProblem::property).containsExactly(
                "limits.stepTimeout", "agent", "(file)", "workflow", "roles.reviewer.instructions", "limits.maxSteps", "bogus");
        assertThat(e.problems()).extracting(p -> p.source().orElseThrow()).containsExactly(
                user + " line 2", user + " line 3", broken.toString(), repo + " line 1", repo + " line 3",
                "--set limits.maxSteps", "--set bogus");
        assertThat(e.getMessage()).startsWith("invalid configuration (7 problems):\n  - limits.stepTimeout was 'forever'");
    }
}
