package io.logist.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContainerCommandTest {
    private static final Path WORKSPACE = Path.of("/home/me/.logist/jobs/fix-1/workspace");
    private static final Path STEP = Path.of("/home/me/.logist/jobs/fix-1/steps/3");
    private static final ContainerOptions OPTIONS = new ContainerOptions("busybox", "none", Optional.of("2"),
            Optional.of("4g"), List.of(new BindMount(Path.of("/cache"), Path.of("/root/.cache"), true)),
            Optional.empty(), "never", Map.of());

    @Test
    void aStepRunsInAFreshLabelledContainerWithItsDirectoriesAtTheirOwnPaths() {
        ContainerCommand command = new ContainerCommand("logist-fix-1-3-ab12", Container.labels("fix-1", "3",
                "/home/me/.logist"), WORKSPACE, STEP, "1000:1000", false, List.of("--env-file", STEP + "/.env"));

        List<String> args = command.arguments(List.of("run", "--detach"), new FakeEngine(), OPTIONS,
                List.of("sh", STEP + "/agent.sh", "--flag"));

        assertThat(args).containsSubsequence("run", "--detach", "--name", "logist-fix-1-3-ab12", "--init");
        assertThat(args).doesNotContain("--interactive");
        assertThat(pairs(args, "--label")).containsExactly("logist.job=fix-1", "logist.step=3",
                "logist.home=/home/me/.logist");
        assertThat(pairs(args, "--user")).containsExactly("1000:1000");
        assertThat(pairs(args, "--network")).containsExactly("none");
        assertThat(pairs(args, "--pull")).containsExactly("never");
        assertThat(pairs(args, "--cpus")).containsExactly("2");
        assertThat(pairs(args, "--memory")).containsExactly("4g");
        assertThat(pairs(args, "--mount")).containsExactly(
                "type=bind,source=" + WORKSPACE + ",target=" + WORKSPACE,
                "type=bind,source=" + STEP + ",target=" + STEP,
                "type=bind,source=/cache,target=/root/.cache,readonly");
        assertThat(pairs(args, "--workdir")).containsExactly(WORKSPACE.toString());
        assertThat(pairs(args, "--env-file")).containsExactly(STEP + "/.env");
        assertThat(args).containsSubsequence("--fake-engine-option", "busybox", "sh", STEP + "/agent.sh", "--flag");
        assertThat(args.subList(args.size() - 4, args.size()))
                .as("the image, then the command as given").containsExactly("busybox", "sh", STEP + "/agent.sh",
                        "--flag");
    }

    @Test
    void aStepDirectoryInsideTheWorkspaceIsNotMountedTwice() {
        ContainerCommand command = new ContainerCommand("n", Map.of(), WORKSPACE, WORKSPACE.resolve(".step"),
                "0:0", true, List.of());

        List<String> args = command.arguments(List.of("create"), new FakeEngine(), OPTIONS, List.of("true"));

        assertThat(pairs(args, "--mount")).containsExactly("type=bind,source=" + WORKSPACE + ",target=" + WORKSPACE,
                "type=bind,source=/cache,target=/root/.cache,readonly");
        assertThat(args).contains("--interactive");
    }

    private static List<String> pairs(List<String> args, String option) {
        return IntStream.range(0, args.size() - 1)
                .filter(i -> args.get(i).equals(option)).mapToObj(i -> args.get(i + 1)).toList();
    }
}
