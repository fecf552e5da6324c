package io.logist.core.internal.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real git repositories for tests, with a home of their own so the machine's git configuration plays no part. */
final class GitFixture {
    final Path home;
    final Git git;

    GitFixture(Path home) {
        this.home = home;
        this.git = new Git(Map.of(
                "HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString(),
                "GIT_CONFIG_NOSYSTEM", "1"), Duration.ofMinutes(1));
    }

    GitWorkspaces workspaces() {
        return new GitWorkspaces(git);
    }

    /** Runs git in dir as a test author and returns its output without the trailing newline. */
    String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("-c", "user.name=Tester", "-c", "user.email=tester@example.com"));
        command.addAll(List.of(args));
        return git.output(dir, command).stripTrailing();
    }

    Path init(Path dir) throws Exception {
        Files.createDirectories(dir);
        git(dir, "init", "--quiet", "--initial-branch=main");
        return dir;
    }

    /** Writes file with content and commits it; returns the new commit. */
    String commit(Path repo, String file, String content, String message) throws Exception {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        git(repo, "add", file);
        git(repo, "commit", "--quiet", "--message", message);
        return git(repo, "rev-parse", "HEAD");
    }
}
