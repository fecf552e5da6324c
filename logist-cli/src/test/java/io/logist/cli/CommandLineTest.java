package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobSpec;
import io.logist.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Parsing, help and usage errors: everything the CLI decides before it opens the library. */
class CommandLineTest {
    @TempDir
    Path cwd;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CliEnvironment environment(Map<String, String> env) {
        return new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cwd, env, false, Clock.systemUTC());
    }

    private int run(String... args) {
        return Main.run(args, environment(Map.of()));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The object of the innermost command the arguments select, with its options set. */
    private static <T> T parse(CliEnvironment environment, Class<T> type, String... args) {
        ParseResult result = Main.commandLine(environment).parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return type.cast(result.commandSpec().userObject());
    }

    private static LogistCommand root(CliEnvironment environment, String... args) {
        return (LogistCommand) Main.commandLine(environment).parseArgs(args).commandSpec().userObject();
    }

    @Test
    void createOptionsBecomeTheJobSpec() {
        JobSpec spec = parse(environment(Map.of()), JobCreateCommand.class, "job", "create", "--prompt", "Fix it",
                "--name", "fix", "--repo", "app", "--base", "main", "--runner", "docker", "--agent", "mock",
                "--supervisor-agent", "claude-code", "--max-cost-usd", "2.50", "--max-steps", "8",
                "--max-time", "90m", "--set", "agents.mock.scenario=revise-once", "--set", "limits.idleTimeout=1m")
                .spec();

        assertThat(spec.prompt()).contains("Fix it");
        assertThat(spec.name()).contains("fix");
        assertThat(spec.repo()).contains(cwd.resolve("app"));
        assertThat(spec.base()).contains("main");
        assertThat(spec.settings()).containsExactly(
                Map.entry("agents.mock.scenario", "revise-once"),
                Map.entry("limits.idleTimeout", "1m"),
                Map.entry("runner", "docker"),
                Map.entry("agent", "mock"),
                Map.entry("roles.supervisor.agent", "claude-code"),
                Map.entry("limits.maxCostUsd", new BigDecimal("2.50").toPlainString()),
                Map.entry("limits.maxSteps", "8"),
                Map.entry("limits.maxWallTime", "90m"));
    }

    @Test
    void theRepoDefaultsToTheCurrentDirectoryAndAMissingPromptIsLeftToTheLibrary() {
        JobSpec spec = parse(environment(Map.of()), JobCreateCommand.class, "job", "create").spec();

        assertThat(spec.repo()).contains(cwd);
        assertThat(spec.prompt()).isEmpty();
        assertThat(spec.settings()).isEmpty();
    }

    @Test
    void thePromptFileIsReadRelativeToTheCurrentDirectory() throws Exception {
        Files.writeString(cwd.resolve("task.md"), "Fix the login bug\nand add a test\n");

        JobSpec spec = parse(environment(Map.of()), JobCreateCommand.class, "job", "create", "--prompt-file",
                "task.md").spec();

        assertThat(spec.prompt()).contains("Fix the login bug\nand add a test\n");
    }

    @Test
    void homeComesFromTheOptionAnywhereThenTheEnvironmentThenTheLibrarysDefault() {
        CliEnvironment withVariable = environment(Map.of("LOGIST_HOME", "/var/logist"));

        assertThat(root(withVariable, "--home", "h", "job", "list").home()).contains(cwd.resolve("h"));
        assertThat(root(withVariable, "job", "list", "--home", "/x").home()).contains(Path.of("/x"));
        assertThat(root(withVariable, "job", "list").home()).contains(Path.of("/var/logist"));
        assertThat(root(environment(Map.of()), "job", "list").home()).isEqualTo(Optional.empty());
    }

    @Test
    void aSetWithoutEqualsIsAUsageError() {
        int exitCode = run("job", "create", "--prompt", "x", "--set", "limits.maxSteps");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err()).startsWith("logist: ").contains("'limits.maxSteps' is not key=value")
                .contains("Try 'logist job create --help'");
        assertThat(out()).isEmpty();
    }

    @Test
    void promptAndPromptFileTogetherAreAUsageError() {
        assertThat(run("job", "create", "--prompt", "x", "--prompt-file", "f")).isEqualTo(2);
        assertThat(err()).contains("mutually exclusive");
    }

    @Test
    void aNonNumericLimitIsAUsageError() {
        assertThat(run("job", "create", "--prompt", "x", "--max-steps", "many")).isEqualTo(2);
        assertThat(err()).contains("--max-steps").contains("many");
    }

    @Test
    void anUnknownStatusFilterNamesTheValidStates() {
        assertThat(run("job", "list", "--status", "DONE")).isEqualTo(2);
        assertThat(err()).contains("DRAFT, PENDING, RUNNING, APPROVAL_REQUIRED, INTERVENTION_REQUIRED, SUSPENDED,"
                + " SUCCESS, FAILED, CANCELED");
    }

    @Test
    void statusFilterIgnoresCase() {
        ParseResult list = Main.commandLine(environment(Map.of()))
                .parseArgs("job", "list", "--status", "pending").subcommand().subcommand();
        assertThat(list.matchedOptionValue("--status", Optional.empty())).contains(JobStatus.PENDING);
    }

    @Test
    void anInvalidJobIdIsAUsageError() {
        assertThat(run("job", "status", "Not_An_Id")).isEqualTo(2);
        assertThat(err()).contains("job id 'Not_An_Id' is not valid");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        assertThat(run("job", "stat", "a")).isEqualTo(2);
        assertThat(err()).contains("Unmatched argument").contains("status");
    }

    @Test
    void aGroupWithoutACommandShowsItsUsageAndFails() {
        assertThat(run("job")).isEqualTo(2);
        assertThat(err()).contains("logist: logist job needs a command").contains("create").contains("run");
    }

    @Test
    void helpDescribesEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("Usage: logist").contains("--home=DIR").contains("init").contains("job")
                .contains("Exit codes");

        out.reset();
        assertThat(run("job", "--help")).isZero();
        assertThat(out()).contains("create").contains("activate").contains("list").contains("status")
                .contains("step").contains("run");

        out.reset();
        assertThat(run("job", "create", "--help")).isZero();
        assertThat(out()).contains("--prompt=TEXT").contains("--prompt-file=F").contains("--set=KEY=VALUE")
                .contains("Examples:");

        out.reset();
        assertThat(run("job", "run", "--help")).isZero();
        assertThat(out()).contains("--quiet").contains("10 INTERVENTION_REQUIRED").contains("Examples:");
    }

    @Test
    void versionNamesTheCommand() {
        assertThat(run("--version")).isZero();
        assertThat(out()).startsWith("logist ");
    }

    @Test
    void everyCommandIsRegistered() {
        CommandLine job = Main.commandLine(environment(Map.of())).getSubcommands().get("job");
        assertThat(job.getSubcommands()).containsOnlyKeys("create", "activate", "list", "status", "step", "run", "recover",
                "attach");
    }
}
