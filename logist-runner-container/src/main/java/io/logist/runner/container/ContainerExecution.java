package io.logist.runner.container;

import io.logist.RunnerException;
import io.logist.spi.Execution;
import io.logist.spi.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A step's running container, followed through the engine's client: {@code logs --follow} streams its output
 * while it runs, {@code wait} reports its exit, and then a last {@code logs} delivers whatever the follow missed
 * (both engines can end a follow before the last lines when the container exits), before the container is
 * removed. The same following serves a container started by this process and one re-attached after a crash.
 */
final class ContainerExecution implements Execution {
    private static final System.Logger LOG = System.getLogger(ContainerExecution.class.getName());

    /** Bound for a client command that should answer at once. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    /** How long the last {@code logs} may take to print a finished container's whole log. */
    private static final Duration REST_TIMEOUT = Duration.ofMinutes(2);
    /** How long {@link #terminate} waits, after the container stopped, for its output and removal. */
    private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(60);
    /** How often {@code wait} may fail while the container still runs before giving up on it. */
    private static final int WAIT_ATTEMPTS = 3;

    private final EngineCli cli;
    private final Container container;
    private final OutputSink sink;
    private final LogStream follow;
    private final Optional<Process> input;
    private final Consumer<ContainerExecution> onEnd;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile Process waiter;
    private volatile boolean detached;
    private volatile boolean removed;

    private ContainerExecution(EngineCli cli, Container container, OutputSink sink, Optional<Process> input,
                               Consumer<ContainerExecution> onEnd) {
        this.cli = cli;
        this.container = container;
        this.sink = sink;
        this.follow = LogStream.follow(cli, container.id(), sink);
        this.input = input;
        this.onEnd = onEnd;
    }

    /**
     * Follows a running container until it ends, then removes it.
     *
     * @param stdin text to write to the container's open standard input, which is then closed
     * @param onEnd told once the container was removed, or was left to another process
     */
    static ContainerExecution follow(EngineCli cli, Container container, OutputSink sink, Optional<String> stdin,
                                     Consumer<ContainerExecution> onEnd) {
        Optional<Process> input = stdin.map(text -> feed(cli, container, text));
        ContainerExecution execution = new ContainerExecution(cli, container, sink, input, onEnd);
        Thread finisher = new Thread(execution::finish, "logist-" + cli.engine().id() + "-" + container.name());
        finisher.setDaemon(true);
        finisher.start();
        return execution;
    }

    /**
     * Attaches to the container's standard input only, writes {@code text} and closes it; the container was
     * created with its input kept open and closed by the first client that detaches.
     */
    private static Process feed(EngineCli cli, Container container, String text) {
        Process attach = cli.spawnInputOnly(List.of("attach", "--sig-proxy=false", container.id()));
        Thread writer = new Thread(() -> {
            try (OutputStream stdin = attach.getOutputStream()) {
                stdin.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, container.name() + " closed its input before reading all of it: " + e);
            }
        }, "logist-" + cli.engine().id() + "-stdin-" + container.name());
        writer.setDaemon(true);
        writer.start();
        return attach;
    }

    /** The engine, the container's id and name, and its {@code logist.*} labels. */
    @Override
    public Map<String, String> handle() {
        return container.handle();
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    /**
     * Waits for the container's exit code, which is reported once every line was delivered and the container
     * removed.
     *
     * @throws RunnerException when the exit code could not be read, or the runner was closed meanwhile
     */
    @Override
    public Optional<Integer> waitFor(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(exit.get(Math.min(timeout.toMillis(), TimeUnit.DAYS.toMillis(365)),
                    TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RunnerException failure) {
                throw failure;
            }
            throw new RunnerException(cli.engine().id() + " runner: following container " + container.name()
                    + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * {@code stop} with {@code grace} (the engine sends SIGTERM to the init process, which passes it on, then
     * SIGKILL), {@code kill} should stop fail, then the removal, checked with a listing when {@code rm} fails.
     * Also removes a container that ended by itself but could not be removed then.
     *
     * @throws RunnerException when the container is still there; the message says how to remove it
     */
    @Override
    public synchronized void terminate(Duration grace) {
        if (exit.isDone() && !exit.isCompletedExceptionally() && removed) {
            return;
        }
        long seconds = (grace.toMillis() + 999) / 1000;
        EngineCli.Result stopped = cli.run(CLIENT_TIMEOUT.plusSeconds(seconds),
                List.of("stop", "-t", Long.toString(seconds), container.id()));
        if (!stopped.ok()) {
            cli.run(CLIENT_TIMEOUT, List.of("kill", container.id()));
        }
        try {
            exit.get(FINISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Following it failed or stalled; the container is removed below all the same.
        }
        Optional<String> left = remove();
        if (left.isPresent()) {
            throw new RunnerException(cli.engine().id() + " runner: container " + container.name() + " ("
                    + container.id() + ") of job " + container.job() + " step " + container.step()
                    + " is still there after stop, kill and rm -f (" + left.get() + "); see '" + cli.engine().id()
                    + " ps -a --filter label=" + Container.JOB_LABEL + "=" + container.job() + "' and remove it"
                    + " with '" + cli.engine().id() + " rm -f " + container.name() + "'");
        }
    }

    /**
     * Stops following the container and leaves it running, as a crash of this process would, so that another
     * process can re-attach to it.
     */
    void detach() {
        detached = true;
        follow.stop();
        Optional.ofNullable(waiter).ifPresent(Process::destroyForcibly);
        input.ifPresent(Process::destroyForcibly);
    }

    private void finish() {
        try {
            int code = awaitExit();
            follow.stop();
            follow.awaitEnd(FINISH_TIMEOUT);
            LogStream rest = LogStream.rest(cli, container.id(), sink, follow);
            if (!rest.awaitEnd(REST_TIMEOUT) || !rest.succeeded()) {
                rest.stop();
                LOG.log(System.Logger.Level.WARNING, "could not read the end of the log of container "
                        + container.name() + "; its last lines may be missing");
            }
            remove();
            exit.complete(code);
        } catch (Detached e) {
            exit.completeExceptionally(new RunnerException(cli.engine().id() + " runner: the runner was closed"
                    + " while container " + container.name() + " ran; it was left running to be re-attached"));
        } catch (InterruptedException | RuntimeException e) {
            exit.completeExceptionally(e);
        } finally {
            input.ifPresent(Process::destroyForcibly);
            onEnd.accept(this);
        }
    }

    /** Thrown inside the finisher once the execution was detached. */
    private static final class Detached extends Exception {
        private static final long serialVersionUID = 1L;

        Detached() {
            super(null, null, false, false);
        }
    }

    /** The container's exit code, from {@code wait}; asks {@code inspect} when the wait itself failed. */
    private int awaitExit() throws Detached, InterruptedException {
        List<String> waitArgs = new ArrayList<>(List.of("wait"));
        waitArgs.addAll(cli.engine().waitOptions());
        waitArgs.add(container.id());
        String complaint = "";
        for (int attempt = 0; attempt < WAIT_ATTEMPTS; attempt++) {
            Process client = cli.spawn(waitArgs);
            waiter = client;
            if (detached) {
                client.destroyForcibly();
            }
            String printed = readAll(client.getInputStream());
            complaint = readAll(client.getErrorStream()).strip();
            client.waitFor();
            if (detached) {
                throw new Detached();
            }
            Optional<Integer> code = parse(printed.strip());
            if (code.isPresent()) {
                return code.get();
            }
            EngineCli.Result inspected = cli.run(CLIENT_TIMEOUT, ContainerState.inspect(container.id()));
            if (!inspected.ok()) {
                throw new RunnerException(cli.engine().id() + " runner: container " + container.name()
                        + " disappeared before its exit code was read (" + inspected.error() + "); was it removed by"
                        + " hand?");
            }
            Optional<Integer> ended = ContainerState.parse(inspected).flatMap(ContainerState::ended);
            if (ended.isPresent()) {
                return ended.get();
            }
        }
        throw new RunnerException(cli.engine().id() + " runner: '" + cli.engine().id() + " wait' failed "
                + WAIT_ATTEMPTS + " times on container " + container.name() + " (" + complaint + "); check the "
                + cli.engine().id() + " engine");
    }

    private static Optional<Integer> parse(String number) {
        try {
            return Optional.of(Integer.parseInt(number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Removes the container; a failure is only logged, since {@link #terminate} reports it.
     *
     * @return why the container is still there, when it is
     */
    private Optional<String> remove() {
        EngineCli.Result rm = cli.run(CLIENT_TIMEOUT, List.of("rm", "--force", container.id()));
        if (!rm.ok()) {
            // rm fails as well for a container that is already gone: only a listing tells the two apart.
            EngineCli.Result left = cli.run(CLIENT_TIMEOUT,
                    List.of("ps", "--all", "--quiet", "--no-trunc", "--filter", "id=" + container.id()));
            if (!left.ok() || !left.stdout().isBlank()) {
                String why = left.ok() ? rm.error() : left.error();
                LOG.log(System.Logger.Level.WARNING, "could not remove container " + container.name() + ": " + why
                        + "; remove it with '" + cli.engine().id() + " rm -f " + container.name() + "'");
                return Optional.of(why);
            }
        }
        removed = true;
        return Optional.empty();
    }
}
