package io.logist.cli;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobSpec;
import io.logist.Logist;
import io.logist.LogistException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code logist job create}: stores a new job in DRAFT (or PENDING with {@code --activate}) and prints its
 * id alone on the last line of standard output, so that {@code id=$(logist job create ...)} works; what
 * people read goes to standard error.
 */
@Command(name = "create", sortOptions = false,
        description = "Create a job from a prompt and a git repository. The job starts in DRAFT; --activate"
                + " also checks its runner and agents and creates its workspace. Prints the new job id.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job create --prompt 'Fix the login bug' --activate",
            "  id=$(logist job create --prompt-file task.md --repo ~/src/app --base main \\",
            "         --agent claude-code --supervisor-agent codex \\",
            "         --max-cost-usd 2 --max-time 1h)",
            "  logist job create --prompt 'Try it' --agent mock \\",
            "         --set agents.mock.scenario=success --activate"})
final class JobCreateCommand extends LogistSubcommand {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private PromptSource prompt;

    @Option(names = "--name", paramLabel = "N", description = "A short name that prefixes the generated id.")
    private Optional<String> name = Optional.empty();

    @Option(names = "--repo", paramLabel = "DIR", description = "The git repository (default: the current directory).")
    private Optional<Path> repo = Optional.empty();

    @Option(names = "--base", paramLabel = "REF",
            description = "The ref the job branch starts from (default: the repository's current HEAD commit).")
    private Optional<String> base = Optional.empty();

    @Option(names = "--runner", paramLabel = "R", description = "Where steps run, such as host, docker or podman ('logist plugins' lists them).")
    private Optional<String> runner = Optional.empty();

    @Option(names = "--agent", paramLabel = "A",
            description = "The agent of every role, such as claude-code, codex or mock ('logist plugins' lists them).")
    private Optional<String> agent = Optional.empty();

    @Option(names = "--supervisor-agent", paramLabel = "A", description = "The agent of the supervisor role.")
    private Optional<String> supervisorAgent = Optional.empty();

    @Option(names = "--max-cost-usd", paramLabel = "X", description = "Stop for intervention above this cost.")
    private Optional<BigDecimal> maxCostUsd = Optional.empty();

    @Option(names = "--max-steps", paramLabel = "N", description = "Stop for intervention after this many steps.")
    private Optional<Integer> maxSteps = Optional.empty();

    @Option(names = "--max-time", paramLabel = "DUR", converter = DurationTexts.Converter.class,
            description = "Stop for intervention after this much time in steps, such as 90m or 2h.")
    private Optional<Duration> maxTime = Optional.empty();

    @Option(names = "--set", paramLabel = "KEY=VALUE", converter = SettingConverter.class,
            description = "Any logist.yml setting by its dotted key; repeatable. For example:"
                    + " --set limits.idleTimeout=10m")
    private List<Setting> settings = new ArrayList<>();

    @Option(names = "--activate", description = "Activate the job after creating it.")
    private boolean activate;

    /** Where the prompt comes from: one of the two, or neither (then the library reports it missing). */
    static final class PromptSource {
        @Option(names = "--prompt", paramLabel = "TEXT", required = true, description = "The task, as text.")
        private Optional<String> text = Optional.empty();

        @Option(names = "--prompt-file", paramLabel = "F", required = true,
                description = "A file holding the task (UTF-8).")
        private Optional<Path> file = Optional.empty();
    }

    @Override
    protected int execute(Logist logist) {
        JobId id = logist.create(spec());
        err().println("created job " + id + " (DRAFT)");
        out().println(id);
        if (activate) {
            try {
                JobInfo job = logist.activate(id);
                err().println("activated job " + id + " (" + job.status() + ") on branch " + job.branch());
            } catch (LogistException e) {
                err().println("logist: job " + id + " was created but stays in DRAFT; fix the problem below and"
                        + " run: logist job activate " + id);
                throw e;
            }
        }
        return ExitCodes.OK;
    }

    /** The spec the options describe; the library validates it. */
    JobSpec spec() {
        JobSpec.Builder spec = JobSpec.builder()
                .repo(repo.map(environment()::resolve).orElse(environment().cwd()));
        promptText().ifPresent(spec::prompt);
        name.ifPresent(spec::name);
        base.ifPresent(spec::base);
        // Named options come after --set so that they win when both give the same key.
        settings.forEach(setting -> spec.set(setting.key(), setting.value()));
        runner.ifPresent(spec::runner);
        agent.ifPresent(spec::agent);
        supervisorAgent.ifPresent(spec::supervisorAgent);
        maxCostUsd.ifPresent(spec::maxCostUsd);
        maxSteps.ifPresent(spec::maxSteps);
        maxTime.ifPresent(spec::maxWallTime);
        return spec.build();
    }

    private Optional<String> promptText() {
        if (prompt == null) {
            return Optional.empty();
        }
        return prompt.text.or(() -> prompt.file.map(this::read));
    }

    private String read(Path file) {
        Path path = environment().resolve(file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "it does not exist" : e.toString();
            throw new BadInputException("cannot read the prompt file " + path + ": " + why
                    + "; give an existing UTF-8 text file to --prompt-file, or the text to --prompt", e);
        }
    }
}
