package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI as separate processes, the way people run it: {@code java -cp logist-cli.jar:lib/*}.
 * What only shows across processes lives here: the job lock and the untouched source repository.
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

    record Result(int exitCode, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
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
                "-cp", JAR + ":" + LIB + "/*", "io.logist.cli.Main", "--home", home.toString()));
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
