package io.logist.examples;

import io.logist.JobId;
import io.logist.JobResult;
import io.logist.JobSpec;
import io.logist.JobStatus;
import io.logist.Logist;
import io.logist.event.JobEvent;
import io.logist.event.StepFinished;
import io.logist.spi.Observer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds Logist: makes a scratch git repository, runs a worker/supervisor job on it with the mock agent, and
 * prints what happened. Exits 1 unless the job ends in SUCCESS.
 *
 * <p>Usage: {@code EmbedExample [PARENT_DIR]}: it works in a new directory there, or in the system's temporary
 * directory.
 */
public final class EmbedExample {
    private EmbedExample() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path parent = Files.createDirectories(Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")));
        Path work = Files.createTempDirectory(parent, "logist-example-");
        Path repo = scratchRepository(work.resolve("repo"));
        Path home = work.resolve("home");

        // tag::embed[]
        Observer progress = new Observer() {
            @Override
            public void onEvent(JobId job, JobEvent event) {
                if (event instanceof StepFinished step) {
                    System.out.println("step " + step.n() + " finished: " + step.outcome());
                }
            }
        };
        try (Logist logist = Logist.builder().home(home).build()) {
            JobId id = logist.create(JobSpec.builder()
                    .prompt("Add a greeting to the README")
                    .repo(repo)
                    .agent("mock")
                    .set("agents.mock.scenario", "revise-once")
                    .build());
            logist.activate(id);
            JobResult result = logist.run(id, progress);
            System.out.println("job " + id + " ended " + result.status() + " after " + result.steps() + " steps");
            System.out.println("branch " + logist.status(id).branch() + " in " + repo);
            // end::embed[]
            if (result.status() != JobStatus.SUCCESS) {
                System.exit(1);
            }
        }
    }

    private static Path scratchRepository(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("README.md"), "# scratch\n");
        git(dir, "init", "--quiet");
        git(dir, "add", "README.md");
        git(dir, "-c", "user.name=Example", "-c", "user.email=example@localhost", "commit", "--quiet", "-m", "first");
        return dir;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed in " + dir);
        }
    }
}
