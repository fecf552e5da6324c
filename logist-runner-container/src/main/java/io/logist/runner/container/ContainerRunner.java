package io.logist.runner.container;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.RunnerException;
import io.logist.spi.Execution;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.OutputSink;
import io.logist.spi.Runner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs each step in a fresh container of the configured image, through the engine's command line client. A
 * step whose input is empty or absent starts with one {@code run --detach}; one with input to write is created,
 * started, and then fed through {@code attach}, because only a container created for attaching closes its
 * input when the attached client does.
 */
final class ContainerRunner implements Runner {
    /** How long a {@code run} may take when the image may have to be pulled first. */
    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);
    /** How long a {@code run} of an image already here may take: starting is slow on a loaded machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    /** How an init (tini, catatonit) reports that it could not execute the command. */
    private static final Pattern INIT_EXEC_FAILURE = Pattern.compile("(?i)exec.*fail|fail.*exec");

    private final EngineCli cli;
    private final String home;
    private final Set<ContainerExecution> following = ConcurrentHashMap.newKeySet();

    ContainerRunner(EngineCli cli, Path home) {
        this.cli = Objects.requireNonNull(cli, "cli");
        this.home = home.toAbsolutePath().normalize().toString();
    }

    /**
     * Starts the container and returns once its command runs.
     *
     * @throws RunnerException when no image is configured, the image is not here, the program is not in the
     *                         image, or the engine refuses the options; the message says which and what to do
     */
    @Override
    public Execution start(ExecutionRequest request, OutputSink sink) {
        Objects.requireNonNull(sink, "sink");
        String runnerId = cli.engine().id();
        ContainerOptions options = ContainerOptions.from(runnerId, request.options(), cli.environment());
        Path workspace = request.workingDirectory().toAbsolutePath().normalize();
        Path stepDirectory = request.stepDirectory().toAbsolutePath().normalize();
        if (!Files.isDirectory(workspace) || !Files.isDirectory(stepDirectory)) {
            throw new RunnerException(runnerId + " runner: cannot start '" + request.command().get(0) + "': the"
                    + " workspace " + workspace + " and the step directory " + stepDirectory + " must both be"
                    + " existing directories, to be mounted into the container");
        }
        String job = request.jobId().value();
        String step = Integer.toString(request.step());
        String name = "logist-" + job + "-" + step + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        Map<String, String> environment = new HashMap<>(request.environment());
        environment.putAll(options.environment());
        boolean feedsInput = request.stdin().filter(text -> !text.isEmpty()).isPresent();
        String id;
        try (EnvironmentFile envFile = EnvironmentFile.write(runnerId, stepDirectory, "." + name + ".env",
                environment)) {
            ContainerCommand command = new ContainerCommand(name, Container.labels(job, step, home), workspace,
                    stepDirectory, options.user().orElseGet(() -> owner(runnerId, workspace)),
                    feedsInput || request.stdin().isEmpty(), envFile.options());
            Duration timeout = options.pull().equals(ContainerOptions.DEFAULT_PULL) ? START_TIMEOUT : PULL_TIMEOUT;
            try {
                if (feedsInput) {
                    id = started(request, options, name, cli.run(timeout, envFile.clientEnvironment(),
                            command.arguments(List.of("create"), cli.engine(), options, request.command())));
                    started(request, options, name, cli.run(START_TIMEOUT, List.of("start", id)));
                } else {
                    id = started(request, options, name, cli.run(timeout, envFile.clientEnvironment(),
                            command.arguments(List.of("run", "--detach"), cli.engine(), options, request.command())));
                }
            } catch (RunnerException e) {
                // A client that gave up may have left the container created or even running.
                cli.run(ContainerExecution.CLIENT_TIMEOUT, List.of("rm", "--force", name));
                throw e;
            }
        }
        Container container = new Container(runnerId, id, name, job, step, home);
        failIfNotExecuted(container, request, options);
        return followed(container, sink, request.stdin().filter(text -> feedsInput));
    }

    /**
     * With an init in front of the command, a program that cannot be executed no longer fails the start: the
     * init reports it and exits at once. A look right after the start catches that in all but the rarest
     * timing, so that the step fails as one that could not start rather than as an agent that failed.
     */
    private void failIfNotExecuted(Container container, ExecutionRequest request, ContainerOptions options) {
        boolean failed = ContainerState.parse(cli.run(ContainerExecution.CLIENT_TIMEOUT,
                ContainerState.inspect(container.id()))).flatMap(ContainerState::ended).filter(code -> code != 0)
                .isPresent();
        if (!failed) {
            return;
        }
        Optional<String> complaint = cli.run(ContainerExecution.CLIENT_TIMEOUT, List.of("logs", container.id()))
                .stderr().lines().findFirst().filter(INIT_EXEC_FAILURE.asPredicate());
        if (complaint.isPresent()) {
            cli.run(ContainerExecution.CLIENT_TIMEOUT, List.of("rm", "--force", container.id()));
            throw cannotStart(request, options, complaint.get());
        }
    }

    /**
     * Follows a container of a step again after the process that started it died: while it runs, its output
     * from the first line on and then its exit code. A container that already ended is removed, and the
     * step is left to be retried.
     */
    @Override
    public Optional<Execution> reattach(Map<String, String> handle, OutputSink sink) {
        Optional<Container> found = Container.fromHandle(handle)
                .filter(container -> container.engine().equals(cli.engine().id()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Container container = found.get();
        Optional<ContainerState> state = ContainerState.parse(cli.run(ContainerExecution.CLIENT_TIMEOUT,
                ContainerState.inspect(container.id())));
        if (state.isEmpty()) {
            return Optional.empty();
        }
        if (!state.get().running()) {
            cli.run(ContainerExecution.CLIENT_TIMEOUT, List.of("rm", "--force", container.id()));
            return Optional.empty();
        }
        return Optional.of(followed(container, sink, Optional.empty()));
    }

    /**
     * Removes, running or not, the containers labelled with this runner's home whose job {@code orphaned} gives
     * a reason for. A container whose job label is not a job id Logist gives is left alone.
     */
    @Override
    public List<String> removeOrphans(Function<JobId, Optional<String>> orphaned) {
        String runnerId = cli.engine().id();
        String filter = "label=" + Container.HOME_LABEL + "=" + home;
        EngineCli.Result listed = cli.run(ContainerExecution.CLIENT_TIMEOUT,
                List.of("ps", "--all", "--quiet", "--no-trunc", "--filter", filter));
        if (!listed.ok()) {
            throw new RunnerException(runnerId + " runner: cannot list the containers of Logist home " + home + " ("
                    + listed.error() + "); list them with '" + runnerId + " ps -a --filter " + filter + "'");
        }
        List<String> ids = listed.stdout().lines().map(String::strip).filter(id -> !id.isEmpty()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> inspect = new ArrayList<>(List.of("container", "inspect", "--format",
                "{{.Id}} {{.Name}} {{index .Config.Labels \"" + Container.JOB_LABEL + "\"}}"));
        inspect.addAll(ids);
        // A container may go between ps and inspect: inspect then fails for it but still prints the others.
        List<String> removed = new ArrayList<>();
        for (String line : cli.run(ContainerExecution.CLIENT_TIMEOUT, inspect).stdout().lines().toList()) {
            String[] fields = line.strip().split(" ");
            if (fields.length != 3) {
                continue;
            }
            String name = fields[1].startsWith("/") ? fields[1].substring(1) : fields[1];
            jobId(fields[2]).flatMap(job -> orphaned.apply(job).map(why -> job + ": " + why)).ifPresent(why -> {
                EngineCli.Result rm = cli.run(ContainerExecution.CLIENT_TIMEOUT, List.of("rm", "--force", fields[0]));
                if (!rm.ok()) {
                    throw new RunnerException(runnerId + " runner: cannot remove container " + name + " ("
                            + rm.error() + "); remove it with '" + runnerId + " rm -f " + name + "'");
                }
                removed.add("removed " + runnerId + " container " + name + " of job " + why);
            });
        }
        return List.copyOf(removed);
    }

    private static Optional<JobId> jobId(String label) {
        try {
            return Optional.of(JobId.of(label));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops following the containers still running and leaves them running, as a crash would: the job's next
     * owner re-attaches to them.
     */
    @Override
    public void close() {
        following.forEach(ContainerExecution::detach);
    }

    private Execution followed(Container container, OutputSink sink, Optional<String> stdin) {
        ContainerExecution execution = ContainerExecution.follow(cli, container, sink, stdin, following::remove);
        following.add(execution);
        if (!execution.isAlive()) {
            following.remove(execution);
        }
        return execution;
    }

    /**
     * The container's id, which {@code run --detach} and {@code create} print.
     *
     * @throws RunnerException explaining the failure, when the client failed
     */
    private String started(ExecutionRequest request, ContainerOptions options, String name, EngineCli.Result result) {
        if (result.ok()) {
            List<String> lines = result.stdout().strip().lines().toList();
            return lines.isEmpty() ? name : lines.get(lines.size() - 1).strip();
        }
        String runnerId = cli.engine().id();
        if (!cli.run(ContainerExecution.CLIENT_TIMEOUT, List.of("image", "inspect", "--format", "{{.Id}}",
                options.image())).ok()) {
            throw new RunnerException(runnerId + " runner: the image '" + options.image() + "' is not in "
                    + runnerId + "'s image store" + (options.pull().equals("never")
                    ? " and runners." + runnerId + ".pull is 'never', so it is not pulled. "
                    : " and pulling it failed (" + result.error() + "). ")
                    + imageAdvice(runnerId, options.image()) + (options.pull().equals("never")
                    ? "; or set runners." + runnerId + ".pull=missing to pull it from its registry" : ""));
        }
        throw cannotStart(request, options, result.error());
    }

    /** How to get {@code image} into the engine's image store without a registry, in either client's commands. */
    private static String imageAdvice(String runnerId, String image) {
        return "Build it ('" + runnerId + " build -t " + image + " .'), load a saved image ('" + runnerId
                + " load -i image.tar'), or import a root file system ('" + runnerId + " import rootfs.tar " + image
                + "')";
    }

    private RunnerException cannotStart(ExecutionRequest request, ContainerOptions options, String why) {
        String runnerId = cli.engine().id();
        return new RunnerException(runnerId + " runner: cannot start '" + request.command().get(0)
                + "' in a container of image '" + options.image() + "': " + why + ". Check that the image has that"
                + " program on its PATH (or give its absolute path), and that runners." + runnerId + ".* are right");
    }

    /** {@code uid:gid} of the workspace's owner, so that what the agent creates belongs to the same user. */
    private static String owner(String runnerId, Path workspace) {
        try {
            return Files.getAttribute(workspace, "unix:uid") + ":" + Files.getAttribute(workspace, "unix:gid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new RunnerException(runnerId + " runner: cannot read the owner of the workspace " + workspace
                    + " (" + e.getMessage() + ") to run the container as that user; set runners." + runnerId
                    + ".user to uid:gid", e);
        }
    }
}
