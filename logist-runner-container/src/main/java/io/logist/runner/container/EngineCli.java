package io.logist.runner.container;

import io.logist.RunnerException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs an engine's command line client: short commands whose output is read whole, and long-running ones
 * ({@code logs -f}, {@code wait}, {@code attach}) handed back as processes. The client gets Logist's own
 * environment, which tells it where its daemon, configuration and storage are.
 */
final class EngineCli {
    /** Readers of the short commands' output; daemon threads, so a stuck client never keeps the JVM alive. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "logist-container-cli-reader");
        thread.setDaemon(true);
        return thread;
    });

    private static final ProcessBuilder.Redirect NO_INPUT = ProcessBuilder.Redirect.from(new File("/dev/null"));

    private final ContainerEngine engine;
    private final Path binary;
    private final Map<String, String> environment;

    private EngineCli(ContainerEngine engine, Path binary, Map<String, String> environment) {
        this.engine = engine;
        this.binary = binary;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The client of {@code engine} found in {@code environment}'s PATH.
     *
     * @throws RunnerException when it is not there; the message says how to install it
     */
    static EngineCli locate(ContainerEngine engine, Map<String, String> environment) {
        Objects.requireNonNull(engine, "engine");
        Path binary = Programs.find(engine.id(), environment).orElseThrow(() -> new RunnerException(
                engine.id() + " runner: the " + engine.id() + " command is not on the PATH ("
                        + Programs.searchPath(environment) + "); " + engine.installAdvice()));
        return new EngineCli(engine, binary, environment);
    }

    ContainerEngine engine() {
        return engine;
    }

    Path binary() {
        return binary;
    }

    Map<String, String> environment() {
        return environment;
    }

    /**
     * What a short client command printed.
     *
     * @param exitCode the client's exit code
     * @param stdout   everything on its standard output
     * @param stderr   everything on its standard error
     */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The client's complaint, for messages: its standard error, else its output, on one line. */
        String error() {
            String text = stderr.isBlank() ? stdout : stderr;
            String oneLine = text.strip().replaceAll("\\s*\\n\\s*", " / ");
            return oneLine.isEmpty() ? "exit code " + exitCode + " and no message" : oneLine;
        }
    }

    /** Runs {@code engine args...} to its end, waiting at most {@code timeout}. */
    Result run(Duration timeout, List<String> args) {
        return run(timeout, Map.of(), args);
    }

    /**
     * Runs {@code engine args...} to its end, with {@code extraEnvironment} added to the client's environment.
     *
     * @throws RunnerException when the client cannot be started or does not end within {@code timeout}
     */
    Result run(Duration timeout, Map<String, String> extraEnvironment, List<String> args) {
        Process process = started(builder(extraEnvironment, args).redirectInput(NO_INPUT), args);
        CompletableFuture<String> stdout = readAll(process.getInputStream());
        CompletableFuture<String> stderr = readAll(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new RunnerException(engine.id() + " runner: '" + describe(args) + "' did not finish within "
                        + timeout.toSeconds() + "s; check that the " + engine.id() + " engine is healthy (try '"
                        + engine.id() + " info')");
            }
            return new Result(process.exitValue(), stdout.get(), stderr.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RunnerException(engine.id() + " runner: interrupted while running '" + describe(args) + "'", e);
        } catch (ExecutionException e) {
            throw new RunnerException(engine.id() + " runner: cannot read the output of '" + describe(args) + "': "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Starts {@code engine args...} with no input and hands back the running client, its standard output and
     * error open to be read.
     */
    Process spawn(List<String> args) {
        return started(builder(Map.of(), args).redirectInput(NO_INPUT), args);
    }

    /**
     * Starts {@code engine args...} with its standard input a pipe the caller writes, and its output thrown
     * away: for {@code attach}, which only carries input here.
     */
    Process spawnInputOnly(List<String> args) {
        return started(builder(Map.of(), args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD), args);
    }

    private ProcessBuilder builder(Map<String, String> extraEnvironment, List<String> args) {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(binary.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(extraEnvironment);
        return builder;
    }

    private Process started(ProcessBuilder builder, List<String> args) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new RunnerException(engine.id() + " runner: cannot run " + binary + " (" + describe(args) + "): "
                    + e.getMessage() + "; check that it is an executable " + engine.id() + " client", e);
        }
    }

    private String describe(List<String> args) {
        return engine.id() + " " + String.join(" ", args.subList(0, Math.min(args.size(), 2)));
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, READERS);
    }
}
