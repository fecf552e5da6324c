package io.logist.runner.container.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.logist.spi.Probe;
import io.logist.spi.Runner;
import io.logist.spi.RunnerContext;
import io.logist.spi.RunnerProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real container engine for integration tests, with the test image imported ({@code ../shared/engines/setup.sh}
 * sets both up). When the engine is missing or does not answer, the test is skipped with a message on
 * standard error; with {@code CI=true} it fails instead, since CI must run it.
 */
public final class EngineUnderTest {
    /** A busybox image: sh and the usual tools, nothing else. */
    public static final String IMAGE = "logist-test/busybox:latest";

    private static final Map<String, Optional<String>> PROBLEMS = new ConcurrentHashMap<>();

    private final RunnerProvider provider;

    private EngineUnderTest(RunnerProvider provider) {
        this.provider = provider;
    }

    /** The engine of {@code provider}; skips the test (fails it on CI) when the engine cannot be used. */
    public static EngineUnderTest require(RunnerProvider provider) {
        Optional<String> problem = PROBLEMS.computeIfAbsent(provider.id(), id -> problem(provider));
        problem.ifPresent(message -> {
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        });
        return new EngineUnderTest(provider);
    }

    /** What keeps the engine from being tested, said once on standard error when it is skipped. */
    private static Optional<String> problem(RunnerProvider provider) {
        Probe probe = provider.probe();
        Optional<String> why = Optional.of(probe.detail()).filter(detail -> !probe.available());
        if (why.isEmpty()) {
            Command image = Command.run(List.of(provider.id(), "image", "inspect", "--format", "{{.Id}}", IMAGE));
            why = Optional.of("the image is missing: " + image.output().strip()).filter(x -> image.exitCode() != 0);
        }
        Optional<String> message = why.map(reason -> provider.id() + " engine tests need a running " + provider.id()
                + " with the image " + IMAGE + " (../shared/engines/setup.sh sets both up): " + reason);
        if (!"true".equals(System.getenv("CI"))) {
            message.ifPresent(text -> System.err.println("SKIPPED " + text));
        }
        return message;
    }

    /** The runner id, which is also the engine's client command. */
    public String id() {
        return provider.id();
    }

    /** A new runner whose containers carry {@code home} as their {@code logist.home} label. */
    public Runner runner(Path home) {
        return provider.create(new RunnerContext(home, System.getenv(), Clock.systemUTC()));
    }

    /** The ids of the containers, running or not, that match every {@code ps} filter, such as {@code label=x=y}. */
    public List<String> containers(String... filters) {
        List<String> command = new ArrayList<>(List.of(id(), "ps", "--all", "--quiet", "--no-trunc"));
        for (String filter : filters) {
            command.addAll(List.of("--filter", filter));
        }
        return client(command).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Runs the engine's client with {@code args}, asserts it succeeded, and returns its output. */
    public String client(String... args) {
        List<String> command = new ArrayList<>(List.of(id()));
        command.addAll(List.of(args));
        return client(command);
    }

    private static String client(List<String> command) {
        Command result = Command.run(command);
        assertThat(result.exitCode()).as("exit code of %s: %s", command, result.output()).isZero();
        return result.output();
    }

    /** A finished command: its exit code and its output, standard error included. */
    record Command(int exitCode, String output) {
        static Command run(List<String> command) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Command(-1, command + " did not end within 60s: " + output);
                }
                return new Command(process.exitValue(), output);
            } catch (IOException e) {
                return new Command(-1, "cannot run " + command + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Command(-1, "interrupted while running " + command);
            }
        }
    }
}
