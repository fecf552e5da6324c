package io.logist.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobSpec;
import io.logist.JobStatus;
import io.logist.Logist;
import io.logist.core.internal.store.FileJobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Logist engine on a fresh git repository, with the scripted test agent, the real host runner and a file store:
 * the setting of the end-to-end engine tests.
 */
final class EngineFixture implements AutoCloseable {
    final Path dir;
    final Path repo;
    final Path home;
    final Logist logist;

    EngineFixture(Path dir) throws IOException, InterruptedException {
        this(dir, Clock.systemUTC());
    }

    EngineFixture(Path dir, Clock clock) throws IOException, InterruptedException {
        this.dir = dir;
        this.repo = Files.createDirectories(dir.resolve("repo"));
        this.home = dir.resolve("home");
        Files.writeString(repo.resolve("README.md"), "hello\n");
        git(repo, "init", "--quiet");
        git(repo, "add", "README.md");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "--quiet", "-m", "first");
        this.logist = Logist.builder()
                .home(home)
                .discovery(false)
                .register(new ScriptAgentProvider())
                .userConfig(dir.resolve("no-user-config.yml"))
                .environment(Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString()))
                .clock(clock)
                .build();
    }

    /** An sh command that ends the step with a verdict in a fenced json block. */
    static String verdict(String action, String summary) {
        return "printf '%s\\n' 'Done.' '```json' '{\"action\": \"" + action + "\", \"summary_for_supervisor\": \""
                + summary + "\", \"evidence_files\": []}' '```'";
    }

    /** A created and activated job whose roles run the given sh scripts. */
    JobId job(String worker, String supervisor, String... settings) {
        JobId id = draft(worker, supervisor, settings);
        logist.activate(id);
        return id;
    }

    JobId draft(String worker, String supervisor, String... settings) {
        JobSpec.Builder spec = JobSpec.builder().prompt("Write a.txt").repo(repo).agent("script")
                .set("agents.script.worker", worker).set("agents.script.supervisor", supervisor);
        for (int i = 0; i < settings.length; i += 2) {
            spec.set(settings[i], settings[i + 1]);
        }
        return logist.create(spec.build());
    }

    Path jobDirectory(JobId id) {
        return home.resolve("jobs").resolve(id.value());
    }

    /** A second store on the same home, as another process would open it. */
    FileJobStore otherStore() {
        return new FileJobStore(home);
    }

    /** What a refused command must leave alone: the manifest's bytes and the event log's. */
    String storedState(JobId id) throws IOException {
        return Files.readString(jobDirectory(id).resolve("job.json"))
                + Files.readString(jobDirectory(id).resolve("events.jsonl"));
    }

    void waitForStatus(JobId id, JobStatus status) throws InterruptedException {
        waitUntil(id, job -> job.status() == status);
        assertThat(logist.status(id).status()).isEqualTo(status);
    }

    /** Waits until the agent process of the job's last step has started. */
    void waitForExecution(JobId id) throws InterruptedException {
        waitUntil(id, job -> job.lastStep().filter(s -> !s.execution().isEmpty()).isPresent());
        assertThat(logist.status(id).lastStep()).hasValueSatisfying(s -> assertThat(s.execution()).isNotEmpty());
    }

    private void waitUntil(JobId id, Predicate<JobInfo> condition) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.test(logist.status(id)); i++) {
            Thread.sleep(25);
        }
    }

    /** Runs git in {@code where} and returns its output without surrounding white space. */
    static String git(Path where, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", where.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as("git %s: %s", List.of(args), out).isZero();
        return out;
    }

    @Override
    public void close() {
        logist.close();
    }
}
