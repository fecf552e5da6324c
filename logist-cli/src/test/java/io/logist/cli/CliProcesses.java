package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged CLI run as separate processes ({@code java -cp logist-cli.jar:lib/*}) on one Logist home, and
 * what those processes leave in it, read the way a person would: the raw files.
 */
final class CliProcesses {
    private static final Path JAR = Path.of("target", "logist-cli.jar").toAbsolutePath();
    private static final Path LIB = Path.of("target", "lib").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final Path configHome;
    private final Path directory;

    private CliProcesses(Path home, Path configHome, Path directory) {
        this.home = home;
        this.configHome = configHome;
        this.directory = directory;
    }

    /** Runs in a new git repository with one commit, {@code dir/repo}, on the home {@code dir/home}. */
    static CliProcesses inNewRepository(Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        TestRepository.initWithCommit(repo);
        return new CliProcesses(dir.resolve("home"), Files.createDirectories(dir.resolve("config")), repo);
    }

    /** The git repository the processes run in. */
    Path repository() {
        return directory;
    }

    record Result(int exitCode, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    Path home() {
        return home;
    }

    /** Starts {@code logist --home HOME args...}; C1 only, as the launcher does, for a quick start-up. */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", JAR + ":" + LIB + "/*", "io.logist.cli.Main", "--home", home.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("LOGIST_HOME");
        builder.environment().remove("LOGIST_JOB");
        builder.environment().put("XDG_CONFIG_HOME", configHome.toString());
        return builder.start();
    }

    /** Waits for the process and collects what it printed. */
    static Result finish(Process process) throws Exception {
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String out = readAll(process.getInputStream());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the CLI exits").isTrue();
        return new Result(process.exitValue(), out, err.get(10, TimeUnit.SECONDS));
    }

    Result run(String... args) throws Exception {
        return finish(start(args));
    }

    /** Creates and activates a mock job; returns its id. */
    String createJob(String... settings) throws Exception {
        List<String> args = new ArrayList<>(List.of("job", "create", "--prompt", "Write the note", "--agent", "mock",
                "--activate"));
        for (String setting : settings) {
            args.addAll(List.of("--set", setting));
        }
        Result created = run(args.toArray(String[]::new));
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.lastLine();
    }

    Path jobDirectory(String id) {
        return home.resolve("jobs").resolve(id);
    }

    /** The manifest, parsed as plain JSON; fails when it does not parse. */
    JsonNode manifest(String id) throws IOException {
        return JSON.readTree(Files.readAllBytes(jobDirectory(id).resolve("job.json")));
    }

    /**
     * The event log's lines as JSON; a last line without its newline (a write cut short by a kill) is left out
     * and counted. Fails when any other line does not parse.
     */
    Events events(String id) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jobDirectory(id).resolve("events.jsonl"));
        } catch (NoSuchFileException e) {
            return new Events(List.of(), false);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        List<String> lines = text.lines().toList();
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (torn && i == lines.size() - 1) {
                break;
            }
            events.add(JSON.readTree(lines.get(i)));
        }
        return new Events(List.copyOf(events), torn);
    }

    /** A job's events, and whether the last line was torn. */
    record Events(List<JsonNode> list, boolean tornLastLine) {
        List<JsonNode> ofType(String type) {
            return list.stream().filter(event -> event.path("type").asText().equals(type)).toList();
        }

        JsonNode last() {
            return list.get(list.size() - 1);
        }
    }

    /** The pids of running processes whose environment names this home and job {@code id}. */
    List<Long> processesOf(String id) throws IOException {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(e -> e.getFileName().toString().matches("\\d+")).toList()) {
                Map<String, String> environment = environment(entry);
                if (id.equals(environment.get("LOGIST_JOB"))
                        && home.toString().equals(environment.get("LOGIST_HOME")) && !isZombie(entry)) {
                    found.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        }
        return found;
    }

    private static Map<String, String> environment(Path process) {
        try {
            Map<String, String> variables = new HashMap<>();
            for (String entry : Files.readString(process.resolve("environ"), StandardCharsets.UTF_8).split("\0")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    variables.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return variables;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static boolean isZombie(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return "ZX".indexOf(stat.charAt(stat.lastIndexOf(')') + 2)) >= 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
