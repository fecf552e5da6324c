package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.Cleanup;
import io.logist.Harvest;
import io.logist.JobId;
import io.logist.JobSpec;
import io.logist.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
        return new CliEnvironment(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
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
                Map.entry("limits.maxWallTime", "5400s"));
    }

    @Test
    void aMaxTimeThatIsNotADurationIsBadUsage() {
        for (String wrong : List.of("90", "soon")) {
            err.reset();
            assertThat(run("job", "create", "--prompt", "Fix it", "--max-time", wrong)).as(wrong).isEqualTo(2);
            assertThat(err()).as(wrong).contains("'" + wrong + "' is not a duration")
                    .contains("logist job create --help");
        }
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
        assertThat(job.getSubcommands()).containsOnlyKeys("create", "activate", "list", "status", "preview", "step",
                "run", "poststep", "cancel", "suspend", "resume", "approve", "reject", "resubmit", "rerun", "restep",
                "logs", "events", "diff", "harvest", "clean", "recover", "attach");
        assertThat(Main.commandLine(environment(Map.of())).getSubcommands()).containsOnlyKeys("init", "job", "role",
                "plugins");
        assertThat(Main.commandLine(environment(Map.of())).getSubcommands().get("role").getSubcommands())
                .containsOnlyKeys("list", "inspect");
    }

    @Test
    void everyCommandHasADescriptionAndAnExampleOfItself() {
        List<CommandLine> commands = new ArrayList<>();
        collect(Main.commandLine(environment(Map.of())), commands);

        for (CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName();
            assertThat(command.getCommandSpec().usageMessage().description()).as(name).isNotEmpty();
            if (command.getSubcommands().isEmpty()) {
                assertThat(String.join("\n", command.getCommandSpec().usageMessage().footer())).as(name)
                        .containsPattern(Pattern.quote(name) + "(\\s|$)");
            }
        }
        assertThat(commands).hasSizeGreaterThan(25);
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void everyHintAfterACommandNamesACommandThatExists() {
        CommandLine job = Main.commandLine(environment(Map.of())).getSubcommands().get("job");
        Pattern command = Pattern.compile("logist job ([a-z]+)");
        List<String> named = new ArrayList<>();
        for (JobStatus status : JobStatus.values()) {
            for (String hint : NextSteps.of(Jobs.job("a", status, Optional.empty())
                    .withStep(Jobs.finishedWorker(), Jobs.CREATED))) {
                command.matcher(hint).results().forEach(match -> named.add(match.group(1)));
            }
        }

        assertThat(named).contains("run", "approve", "reject", "resubmit", "resume", "rerun", "harvest", "logs")
                .allSatisfy(name -> assertThat(job.getSubcommands()).containsKey(name));
    }

    @Test
    void rejectNeedsAMessageAndRestepAStep() {
        assertThat(run("job", "reject", "a")).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--message=TEXT'");
        err.reset();
        assertThat(run("job", "restep", "a")).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--to=N'");
    }

    @Test
    void harvestTakesExactlyOneTarget() {
        assertThat(run("job", "harvest", "a")).isEqualTo(2);
        assertThat(err()).contains("Missing required argument").contains("--patch=F").contains("--push");
        err.reset();
        assertThat(run("job", "harvest", "a", "--patch", "x.patch", "--push")).isEqualTo(2);
        assertThat(err()).contains("mutually exclusive");
    }

    @Test
    void cleanTakesAJobOrFinishedJobsOlderThanADurationOrOrphans() {
        assertThat(parse(environment(Map.of()), JobCleanCommand.class, "job", "clean", "fix-1").cleanup())
                .isEqualTo(new Cleanup.Job(JobId.of("fix-1")));
        assertThat(parse(environment(Map.of()), JobCleanCommand.class, "job", "clean", "--finished", "--older-than",
                "7d").cleanup()).isEqualTo(new Cleanup.Finished(Duration.ofDays(7)));
        assertThat(parse(environment(Map.of()), JobCleanCommand.class, "job", "clean", "--orphans").cleanup())
                .isEqualTo(new Cleanup.Orphans());

        for (List<String> wrong : List.<List<String>>of(List.of(), List.of("--finished"), List.of("--older-than", "7d"),
                List.of("fix-1", "--orphans"), List.of("--orphans", "--finished", "--older-than", "1h"),
                List.of("--finished", "--older-than", "7"))) {
            err.reset();
            List<String> args = new ArrayList<>(List.of("job", "clean"));
            args.addAll(wrong);
            assertThat(run(args.toArray(String[]::new))).as("%s", wrong).isEqualTo(2);
            assertThat(err()).as("%s", wrong).startsWith("logist: ").contains("logist job clean --help");
        }
    }

    @Test
    void harvestTargetsBecomeTheApisHarvestAndAPatchFileIsResolvedAgainstTheCurrentDirectory() {
        assertThat(parse(environment(Map.of()), JobHarvestCommand.class, "job", "harvest", "a", "--patch",
                "out/fix.patch").harvest()).isEqualTo(new Harvest.Patch(cwd.resolve("out/fix.patch")));
        assertThat(parse(environment(Map.of()), JobHarvestCommand.class, "job", "harvest", "a", "--branch",
                "fix").harvest()).isEqualTo(new Harvest.Branch("fix"));
        assertThat(parse(environment(Map.of()), JobHarvestCommand.class, "job", "harvest", "a", "--push")
                .harvest()).isEqualTo(new Harvest.Push());
    }
}
