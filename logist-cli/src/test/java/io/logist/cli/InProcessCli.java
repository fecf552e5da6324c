package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process through {@link Main#run} against a real engine: a Logist home, a git repository as the
 * current directory, and an empty configuration home so that the user's own {@code logist.yml} cannot change
 * what the tests see.
 */
final class InProcessCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final Path repo;
    private final Path configHome;

    private InProcessCli(Path home, Path repo, Path configHome) {
        this.home = home;
        this.repo = repo;
        this.configHome = configHome;
    }

    /** Runs in a new git repository with one commit, {@code dir/repo}, on the home {@code dir/home}. */
    static InProcessCli inNewRepository(Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        TestRepository.initWithCommit(repo);
        return new InProcessCli(dir.resolve("home"), repo, Files.createDirectories(dir.resolve("config")));
    }

    /** The git repository the commands run in. */
    Path repo() {
        return repo;
    }

    /** What one command printed and returned. */
    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        String lastLine() {
            List<String> lines = outLines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out + err, e);
            }
        }
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs a command with {@code input} on its standard input. */
    Result runWithInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> withHome = new ArrayList<>(List.of("--home", home.toString()));
        withHome.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("LOGIST_HOME");
        env.put("XDG_CONFIG_HOME", configHome.toString());
        int exitCode = Main.run(withHome.toArray(String[]::new),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                repo, env);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command and asserts it exited 0. */
    Result ok(String... args) {
        Result result = run(args);
        assertThat(result.exitCode()).as("%s: %s", List.of(args), result.err()).isZero();
        return result;
    }

    /** Creates and activates a mock job with these extra options; returns its id. */
    String activeMockJob(String scenario, String... options) {
        List<String> args = new ArrayList<>(List.of("job", "create", "--prompt", "Write the greeting", "--agent",
                "mock", "--set", "agents.mock.scenario=" + scenario, "--activate"));
        args.addAll(List.of(options));
        return ok(args.toArray(String[]::new)).lastLine();
    }

    /** {@code job status ID --json}. */
    JsonNode status(String id) {
        return ok("job", "status", id, "--json").json();
    }

    /** The job's directory in the home (SPEC section 8). */
    Path jobDirectory(String id) {
        return home.resolve("jobs").resolve(id);
    }

    /** Waits until step 1 of the job is executing: its agent process runs. */
    void awaitExecuting(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode steps = status(id).get("steps");
            if (steps.size() > 0 && steps.get(0).get("phase").asText().equals("EXECUTING")) {
                return;
            }
            assertThat(Instant.now()).as("step 1 of job %s starts executing", id).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
