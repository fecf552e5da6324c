package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI as separate processes, the way people run it: {@code java -cp logist-cli.jar:lib/*}.
 * What only shows across processes lives here: the job lock, the untouched source repository, control of a job
 * that another process runs, and the flows a person goes through from one command to the next.
 */
class CliProcessIT {
    private static final Path JAR = Path.of("target", "logist-cli.jar").toAbsolutePath();
    private static final Path LIB = Path.of("target", "lib").toAbsolutePath();

    @TempDir
    Path repo;

    @TempDir
    Path home;

    @TempDir
    Path configHome;

    @TempDir
    Path clone;

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exitCode, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void gitRepository() throws Exception {
        TestRepository.initWithCommit(repo);
    }

    @Test
    void twoRunsStartedTogetherOneRunsAndTheOtherExits3NamingTheOwner() throws Exception {
        String id = create("--set", "agents.mock.scenario=slow", "--set", "agents.mock.seconds=3");
        Process first = start("job", "run", id, "--quiet");
        Process second = start("job", "run", id, "--quiet");
        Result a = finish(first);
        Result b = finish(second);

        List<Result> results = List.of(a, b);
        assertThat(results).extracting(Result::exitCode).containsExactlyInAnyOrder(0, 3);
        Result refused = a.exitCode() == 3 ? a : b;
        Result ran = a.exitCode() == 0 ? a : b;
        long owner = (a.exitCode() == 0 ? first : second).pid();
        assertThat(refused.err()).contains("job " + id + " is locked by pid " + owner + " on host ");
        assertThat(ran.lastLine()).isEqualTo("job " + id + " SUCCESS");
        assertThat(finish(start("job", "status", id, "--json")).out()).contains("\"status\" : \"SUCCESS\"");
    }

    @Test
    void reviseOnceCommitsFourStepsAndLeavesTheSourceRepositoryUntouched() throws Exception {
        git("checkout", "-q", "-b", "feature");
        Files.writeString(repo.resolve("README.md"), "hello, changed but not committed\n");
        Files.writeString(repo.resolve("staged.txt"), "staged\n");
        git("add", "staged.txt");
        Files.writeString(repo.resolve("untracked.txt"), "untracked\n");
        String before = repositoryState();
        String refsBefore = git("for-each-ref", "--format=%(refname) %(objectname)");

        String id = create("--set", "agents.mock.scenario=revise-once");
        Result run = finish(start("job", "run", id));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(repositoryState()).isEqualTo(before);
        String branchHead = git("rev-parse", "logist/" + id);
        List<String> refsAfter = git("for-each-ref", "--format=%(refname) %(objectname)").lines().toList();
        List<String> expectedRefs = new ArrayList<>(refsBefore.lines().toList());
        expectedRefs.add("refs/heads/logist/" + id + " " + branchHead);
        assertThat(refsAfter).containsExactlyInAnyOrderElementsOf(expectedRefs);
        assertThat(git("log", "--format=%s", "main..logist/" + id).lines()).containsExactly(
                "logist " + id + " step 4 (supervisor): COMPLETED",
                "logist " + id + " step 3 (worker): COMPLETED",
                "logist " + id + " step 2 (supervisor): RETRY",
                "logist " + id + " step 1 (worker): COMPLETED");
    }

    @Test
    void approvalFlowRejectionReachesThePromptAndApprovalSucceeds() throws Exception {
        String id = create("--set", "agents.mock.scenario=success", "--set", "requireApproval=true");

        Result waiting = finish(start("job", "run", id));
        assertThat(waiting.exitCode()).as(waiting.err()).isEqualTo(11);
        assertThat(waiting.lastLine()).startsWith("job " + id + " APPROVAL_REQUIRED: ");

        Result rejected = ok("job", "reject", id, "--message", "Say hello to Ada by name");
        assertThat(rejected.lastLine()).isEqualTo("job " + id + " PENDING");
        assertThat(ok("job", "preview", id).out()).contains("Say hello to Ada by name");

        assertThat(finish(start("job", "run", "--quiet", id)).exitCode()).isEqualTo(11);
        assertThat(ok("job", "approve", id).lastLine()).isEqualTo("job " + id + " SUCCESS");
        assertThat(status(id).get("status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void restepThenRunBuildsOnStepOnesCommitAndKeepsTheSupersededSteps() throws Exception {
        String id = create("--set", "agents.mock.scenario=success");
        ok("job", "run", "--quiet", id);
        JsonNode before = status(id);
        String base = before.get("base").asText();
        String stepOne = before.get("steps").get(0).get("commit").asText();
        String stepTwo = before.get("steps").get(1).get("commit").asText();

        ok("job", "restep", id, "--to", "1");
        Result run = ok("job", "run", "--quiet", id);

        assertThat(run.lastLine()).isEqualTo("job " + id + " SUCCESS");
        JsonNode after = status(id);
        List<String> commits = new ArrayList<>();
        after.get("steps").forEach(step -> commits.add(step.get("commit").asText()));
        assertThat(commits.get(0)).isEqualTo(stepOne);
        assertThat(commits).hasSizeGreaterThan(1);
        assertThat(git("rev-list", "--reverse", base + "..logist/" + id).lines()).containsExactlyElementsOf(commits);
        JsonNode history = after.get("history");
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("by").asText()).isEqualTo("restep");
        assertThat(history.get(0).get("run").asInt()).isEqualTo(1);
        assertThat(history.get(0).get("step").get("n").asInt()).isEqualTo(2);
        assertThat(history.get(0).get("step").get("commit").asText()).isEqualTo(stepTwo);
    }

    @Test
    void cancelFromASecondProcessStopsARunningStepWithinFiveSeconds() throws Exception {
        String id = create("--set", "agents.mock.scenario=slow", "--set", "agents.mock.seconds=30");
        Process run = start("job", "run", id);
        CompletableFuture<Result> ran = CompletableFuture.supplyAsync(() -> finishUnchecked(run));
        awaitExecuting(id);
        Path jobDirectory = home.resolve("jobs").resolve(id);
        assertThat(processesMentioning(jobDirectory)).as("the mock agent runs").isNotEmpty();

        Instant asked = Instant.now();
        Result cancel = ok("job", "cancel", id);
        Duration took = Duration.between(asked, Instant.now());
        List<String> left = processesMentioning(jobDirectory);
        Result stopped = ran.get(30, TimeUnit.SECONDS);

        // The cancel command returns once the step is stopped, so its time, start-up included, bounds the stop.
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(left).isEmpty();
        assertThat(cancel.lastLine()).isEqualTo("job " + id + " CANCELED");
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(13);
        assertThat(stopped.lastLine()).isEqualTo("job " + id + " CANCELED");
        assertThat(status(id).get("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void aHarvestedPatchAppliesCleanlyOnTheBaseCommit() throws Exception {
        String id = create("--set", "agents.mock.scenario=revise-once");
        ok("job", "run", "--quiet", id);
        JsonNode job = status(id);
        Path patch = clone.resolveSibling(clone.getFileName() + ".patch");

        Result harvest = ok("job", "harvest", id, "--patch", patch.toString());

        assertThat(harvest.out()).contains(patch.toString());
        Path fresh = clone.resolve("fresh");
        TestRepository.git(clone, "clone", "-q", repo.toString(), fresh.toString());
        TestRepository.git(fresh, "checkout", "-q", "--detach", job.get("base").asText());
        TestRepository.git(fresh, "apply", "--check", patch.toString());
        TestRepository.git(fresh, "apply", patch.toString());
        Path workspace = Path.of(job.get("workspace").asText());
        assertThat(fresh.resolve("mock-work.txt")).hasSameTextualContentAs(workspace.resolve("mock-work.txt"));
        Files.delete(patch);
    }

    @Test
    void refusedActionsExitTwoWithTheStateAndTheAllowedCommandsAndChangeNothing() throws Exception {
        String done = create("--set", "agents.mock.scenario=success");
        ok("job", "run", "--quiet", done);
        String fresh = create("--set", "agents.mock.scenario=success");
        String doneBefore = finish(start("job", "events", done, "--json")).out() + status(done);
        String freshBefore = finish(start("job", "events", fresh, "--json")).out() + status(fresh);

        assertRefused(finish(start("job", "resume", done)), done, "SUCCESS");
        assertRefused(finish(start("job", "restep", done, "--to", "3")), done, "SUCCESS");
        assertRefused(finish(start("job", "harvest", fresh, "--patch", "x.patch")), fresh, "PENDING");
        assertThat(repo.resolve("x.patch")).doesNotExist();

        String running = create("--set", "agents.mock.scenario=slow", "--set", "agents.mock.seconds=30");
        Process run = start("job", "run", "--quiet", running);
        CompletableFuture<Result> ran = CompletableFuture.supplyAsync(() -> finishUnchecked(run));
        awaitExecuting(running);
        assertRefused(finish(start("job", "approve", running)), running, "RUNNING");
        assertThat(status(running).get("status").asText()).isEqualTo("RUNNING");
        ok("job", "cancel", running);
        assertThat(ran.get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(13);

        assertThat(finish(start("job", "events", done, "--json")).out() + status(done)).isEqualTo(doneBefore);
        assertThat(finish(start("job", "events", fresh, "--json")).out() + status(fresh)).isEqualTo(freshBefore);
    }

    private static void assertRefused(Result result, String id, String state) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("logist: ").contains(id).contains("it is " + state)
                .contains("allowed from " + state + ": ").doesNotContain("\tat ");
    }

    /** Waits until step 1 of the job is executing: its agent process runs. */
    private void awaitExecuting(String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode steps = status(id).get("steps");
            if (steps.size() > 0 && steps.get(0).get("phase").asText().equals("EXECUTING")) {
                return;
            }
            assertThat(Instant.now()).as("step 1 of job %s starts executing", id).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** The command lines of the running processes that name {@code path}, read from {@code /proc}. */
    private static List<String> processesMentioning(Path path) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (command.contains(path.toString())) {
                        found.add(process.getFileName() + ": " + command);
                    }
                } catch (IOException gone) {
                    // The process ended while the list was read: it mentions nothing any more.
                }
            }
        }
        return found;
    }

    private JsonNode status(String id) throws Exception {
        return ok("job", "status", id, "--json").json();
    }

    private Result ok(String... args) throws Exception {
        Result result = finish(start(args));
        assertThat(result.exitCode()).as("%s: %s", List.of(args), result.err()).isZero();
        return result;
    }

    private static Result finishUnchecked(Process process) {
        try {
            return finish(process);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Status, HEAD, current branch and the index file's bytes. */
    private String repositoryState() throws Exception {
        byte[] index = Files.readAllBytes(repo.resolve(".git/index"));
        return git("status", "--porcelain") + "\n" + git("rev-parse", "HEAD") + "\n" + git("symbolic-ref", "HEAD")
                + "\n" + Arrays.hashCode(index) + "/" + index.length;
    }

    private String create(String... settings) throws Exception {
        List<String> args = new ArrayList<>(List.of("job", "create", "--prompt", "Write the note", "--agent", "mock",
                "--activate"));
        args.addAll(List.of(settings));
        Result created = finish(start(args.toArray(String[]::new)));
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.lastLine();
    }

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As the ./logist launcher runs it: a short-lived command gains nothing from the optimizing compiler.
                "-XX:TieredStopAtLevel=1", "-cp", JAR + ":" + LIB + "/*", "io.logist.cli.Main", "--home", home.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
        builder.environment().remove("LOGIST_HOME");
        builder.environment().put("XDG_CONFIG_HOME", configHome.toString());
        return builder.start();
    }

    private static Result finish(Process process) throws Exception {
        var out = process.getInputStream();
        var err = process.getErrorStream();
        CompletableFuture<String> errText = new CompletableFuture<>();
        Thread errReader = new Thread(() -> {
            try {
                errText.complete(new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                errText.completeExceptionally(e);
            }
        });
        errReader.start();
        String outText = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the CLI exits").isTrue();
        return new Result(process.exitValue(), outText, errText.get(10, TimeUnit.SECONDS));
    }

    private String git(String... args) throws Exception {
        return TestRepository.git(repo, args);
    }
}
