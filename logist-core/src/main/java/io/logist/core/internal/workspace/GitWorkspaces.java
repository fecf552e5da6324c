package io.logist.core.internal.workspace;

import io.logist.BadInputException;
import io.logist.core.internal.files.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A job's workspace: a local clone of the user's repository on the job branch. The clone is self-contained
 * (it still works when only the workspace is mounted into a container) and has no remote, so the agent's own
 * git commands cannot reach the user's repository. Logist publishes each checkpoint back to the user's
 * repository by pushing the job branch alone; nothing else there changes.
 */
public final class GitWorkspaces {
    /** Logist's own files in the workspace (the verdict file), never part of a checkpoint. */
    private static final String LOGIST_DIRECTORY = ".logist/";

    private static final List<String> LOGIST_IDENTITY = List.of(
            "-c", "user.name=Logist", "-c", "user.email=logist@localhost");

    /**
     * The receive side of a publish runs inside the user's repository, under the user's configuration: it must
     * not run that repository's hooks, start a gc, write server info, or update a checked-out working tree
     * (receive.denyCurrentBranch=updateInstead would), and it must accept the forced update a restep needs.
     * Git runs this through a shell, which is why it is one string.
     */
    private static final String RECEIVE_PACK = "git -c core.hooksPath=/dev/null -c receive.autogc=false"
            + " -c receive.updateServerInfo=false -c receive.denyCurrentBranch=refuse"
            + " -c receive.denyNonFastForwards=false receive-pack";

    private final Git git;

    /** Workspaces managed with the {@code git} found on the PATH. */
    public GitWorkspaces() {
        this(new Git());
    }

    GitWorkspaces(Git git) {
        this.git = git;
    }

    /**
     * The top-level directory of the git work tree containing dir.
     *
     * @throws BadInputException when dir is missing or not inside a git work tree
     */
    public Path repositoryRoot(Path dir) {
        String notARepository = "'" + dir + "' is not a git repository: run `git init` there or pass --repo <dir>";
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(notARepository);
        }
        Git.Result result = git.run(dir, List.of("rev-parse", "--show-toplevel"));
        if (!result.succeeded()) {
            // "not a git repository" is what the message already says; anything else (a bare repository,
            // an ownership check) is git's to explain.
            boolean plainlyNotARepository = result.stderr().contains("not a git repository");
            throw new BadInputException(plainlyNotARepository
                    ? notARepository
                    : notARepository + " (git: " + result.stderr().strip() + ")");
        }
        return Path.of(result.stdout().strip());
    }

    /** The commit the source repository's HEAD names. */
    public String resolveCommit(Path repo) {
        return resolveCommit(repo, "HEAD");
    }

    /**
     * The commit sha ref names in repo.
     *
     * @throws BadInputException when ref names no commit, or repo has no commit at all
     */
    public String resolveCommit(Path repo, String ref) {
        Git.Result result = git.run(repo,
                List.of("rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"));
        if (result.succeeded()) {
            return result.stdout().strip();
        }
        if (git.output(repo, List.of("rev-list", "--max-count=1", "--all")).isBlank()) {
            throw new BadInputException("'" + ref + "' names no commit: the repository '" + repo
                    + "' has no commits yet; make a first commit there (git commit) and try again");
        }
        throw new BadInputException("'" + ref + "' does not name a commit in '" + repo
                + "': give a branch, tag or commit sha that exists there");
    }

    /** Whether branch (such as {@code logist/abc}) exists in repo. */
    public boolean branchExists(Path repo, String branch) {
        Git.Result result = git.run(repo, List.of("show-ref", "--verify", "--quiet", "refs/heads/" + branch));
        return switch (result.exitCode()) {
            case 0 -> true;
            case 1 -> false;
            default -> throw result.failure();
        };
    }

    /**
     * Clones repo into workspace, checks out the new branch at baseCommit, removes the clone's remote, keeps
     * {@code .logist/} out of commits and publishes the branch to repo. Calling it again on the workspace it made
     * (crash recovery does) finishes whatever the first call did not and changes nothing else.
     *
     * @param workspace a directory that does not exist, is empty, or is this job's workspace already
     * @throws BadInputException  when branch is not a valid branch name
     * @throws WorkspaceException when workspace holds something else, or git fails
     */
    public void provision(Path repo, Path workspace, String branch, String baseCommit) {
        requireValidBranchName(repo, branch);
        Path target = workspace.toAbsolutePath();
        if (isMissingOrEmpty(target)) {
            createDirectories(target.getParent());
            // No templates: the user's template hooks must not come along into the workspace.
            git.output(target.getParent(), List.of("clone", "--quiet", "--no-checkout", "--template=",
                    repo.toAbsolutePath().toString(), target.toString()));
            // -B: when repo has branch checked out, the clone starts with a local copy of it.
            git.output(target, List.of("checkout", "--quiet", "-B", branch, baseCommit));
        } else {
            requireOwnClone(target);
            if (!isOnBranch(target, branch)) {
                if (branchExists(target, branch)) {
                    throw new WorkspaceException("the workspace '" + target + "' has branch '" + branch
                            + "' but another one checked out: check it out again there (git switch " + branch + ")");
                }
                git.output(target, List.of("checkout", "--quiet", "-b", branch, baseCommit));
            }
        }
        if (git.output(target, List.of("remote")).lines().anyMatch("origin"::equals)) {
            git.output(target, List.of("remote", "remove", "origin"));
        }
        excludeLogistDirectory(target);
        publish(repo, target, branch);
    }

    /**
     * Commits everything in the workspace (an empty commit when nothing changed) with exactly message, as
     * Logist, and publishes the branch to repo.
     *
     * @return the new commit's sha
     */
    public String checkpoint(Path repo, Path workspace, String branch, String message) {
        git.output(workspace, List.of("add", "--all"));
        List<String> commit = Stream.concat(LOGIST_IDENTITY.stream(), Stream.of(
                "commit", "--quiet", "--allow-empty", "--allow-empty-message", "--no-verify",
                "--cleanup=verbatim", "--message", message)).toList();
        git.output(workspace, commit);
        publish(repo, workspace, branch);
        return head(workspace);
    }

    /**
     * The change between two commits of the workspace as a stat summary and a patch (binary files as one
     * line each), at most maxChars long with a note saying when it was cut (unless maxChars is shorter than the
     * note itself).
     */
    public String diff(Path workspace, String fromCommit, String toCommit, int maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars must be >= 0, was " + maxChars);
        }
        // No textconv or external diff drivers: the user's configured tools must not run, and the
        // supervisor needs the plain change.
        String diff = git.output(workspace, List.of("diff", "--no-color", "--no-ext-diff", "--no-textconv",
                "--patch-with-stat", fromCommit, toCommit, "--"));
        return cut(diff, maxChars, fromCommit, toCommit);
    }

    /**
     * Puts the workspace and the job branch back at {@code commit}, a commit of the workspace: the branch is
     * checked out there, every local change and untracked or ignored file is removed (as in a fresh clone), and
     * the branch is published to repo, replacing the later commits there. A missing workspace is provisioned at
     * {@code commit}.
     */
    public void resetTo(Path repo, Path workspace, String branch, String commit) {
        Path target = workspace.toAbsolutePath();
        if (isMissingOrEmpty(target)) {
            provision(repo, target, branch, commit);
            return;
        }
        requireOwnClone(target);
        git.output(target, List.of("checkout", "--quiet", "--force", "-B", branch, commit));
        git.output(target, List.of("clean", "--quiet", "-ffdx"));
        excludeLogistDirectory(target);
        publish(repo, target, branch);
    }

    /** Deletes the workspace directory and everything in it; a missing one is fine. */
    public void remove(Path workspace) {
        if (!Files.exists(workspace, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            FileTrees.delete(workspace);
        } catch (IOException e) {
            throw new WorkspaceException("could not delete the workspace '" + workspace + "': " + e.getMessage()
                    + "; delete it by hand", e);
        }
    }

    /** Whether the trees of the two commits differ. */
    public boolean changed(Path repo, String fromCommit, String toCommit) {
        Git.Result result = git.run(repo, List.of("diff", "--quiet", "--no-ext-diff", fromCommit, toCommit, "--"));
        return switch (result.exitCode()) {
            case 0 -> false;
            case 1 -> true;
            default -> throw result.failure();
        };
    }

    /** The full change between two commits as a unified diff; binary files are one line each. */
    public String unifiedDiff(Path repo, String fromCommit, String toCommit) {
        return git.output(repo, List.of("diff", "--no-color", "--no-ext-diff", "--no-textconv", fromCommit,
                toCommit, "--"));
    }

    /**
     * Writes the change between two commits to {@code file} as a patch that {@code git apply} applies on
     * {@code fromCommit}, binary files included. Git writes the file itself, so no byte is re-encoded.
     */
    public void writePatch(Path repo, String fromCommit, String toCommit, Path file) {
        git.output(repo, List.of("diff", "--binary", "--no-color", "--no-ext-diff", "--no-textconv",
                "--output=" + file.toAbsolutePath(), fromCommit, toCommit, "--"));
    }

    /**
     * Creates branch {@code name} in repo at commit; nothing else there changes.
     *
     * @throws BadInputException when the name is not a valid branch name or the branch exists
     */
    public void createBranch(Path repo, String name, String commit) {
        requireValidBranchName(repo, name);
        if (branchExists(repo, name)) {
            throw new BadInputException("branch '" + name + "' already exists in '" + repo
                    + "': choose another name, or delete that branch first");
        }
        // The empty old value makes git refuse a branch created in the meantime.
        git.output(repo, List.of("update-ref", "refs/heads/" + name, commit, ""));
    }

    /**
     * Pushes branch from repo to the remote of repo named remote, replacing what the remote has under that name
     * (Logist rewrites job branches on restep and rerun). Runs with the user's git configuration and credentials,
     * never their hooks.
     *
     * @throws BadInputException when repo has no such remote
     */
    public void push(Path repo, String remote, String branch) {
        if (git.output(repo, List.of("remote")).lines().noneMatch(remote::equals)) {
            throw new BadInputException("'" + repo + "' has no remote '" + remote + "': add it (git remote add "
                    + remote + " URL) or set harvest.remote in logist.yml to one of its remotes");
        }
        git.output(repo, List.of("push", "--quiet", "--force", "--no-verify", remote,
                "refs/heads/" + branch + ":refs/heads/" + branch));
    }

    /** The commit the workspace's HEAD is on. */
    public String head(Path workspace) {
        return git.output(workspace, List.of("rev-parse", "--verify", "HEAD")).strip();
    }

    /** The full message of the workspace's HEAD commit; empty when it has none or is no git work tree. */
    public Optional<String> headMessage(Path workspace) {
        if (!isWorkTree(workspace)) {
            return Optional.empty();
        }
        Git.Result result = git.run(workspace, List.of("log", "-1", "--format=%B", "HEAD"));
        return result.succeeded() ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    /** Whether the workspace has a repository of its own: git would look into enclosing directories otherwise. */
    private static boolean isWorkTree(Path workspace) {
        return Files.exists(workspace.resolve(".git"));
    }

    /**
     * Resets the workspace to commit: the branch points there, the index and the files match it, and files git
     * does not track are removed (ignored ones stay, as they were never part of a checkpoint). Crash recovery
     * retries a step from its checkpoint this way.
     */
    public void resetTo(Path workspace, String commit) {
        git.output(workspace, List.of("reset", "--quiet", "--hard", commit));
        git.output(workspace, List.of("clean", "--quiet", "-ffd"));
    }

    /**
     * Removes the lock files ({@code index.lock}, ref locks) that a git command killed in the middle left in the
     * workspace's repository; each would make every later command fail. A lock is taken as left behind once it
     * is {@code staleAfter} old: a git command still at work finishes long before. The caller must own the job,
     * so that no other Logist process works in the workspace.
     *
     * @return the lock files removed
     */
    public List<Path> removeStaleLocks(Path workspace, Duration staleAfter) {
        Path gitDir = workspace.resolve(".git");
        if (!Files.isDirectory(gitDir)) {
            return List.of();
        }
        long deadline = System.nanoTime() + staleAfter.multipliedBy(2).toNanos();
        while (true) {
            List<Path> locks = lockFiles(gitDir);
            boolean allStale = locks.stream().allMatch(lock -> olderThan(lock, staleAfter));
            if (locks.isEmpty() || allStale || System.nanoTime() - deadline > 0) {
                locks.forEach(GitWorkspaces::deleteLock);
                return locks;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkspaceException("interrupted while waiting for git locks in '" + gitDir + "'", e);
            }
        }
    }

    private static List<Path> lockFiles(Path gitDir) {
        List<Path> locks = new ArrayList<>();
        Path objects = gitDir.resolve("objects");
        try {
            // Objects are written without locks, and they are most of the files: not worth a look.
            Files.walkFileTree(gitDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(objects) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".lock")) {
                        locks.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Gone meanwhile, as a lock of a finishing command is.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new WorkspaceException("could not look for git lock files in '" + gitDir + "': " + e.getMessage(),
                    e);
        }
        return locks;
    }

    private static boolean olderThan(Path file, Duration age) {
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            return modified.plus(age).isBefore(Instant.now());
        } catch (IOException e) {
            // Gone meanwhile: its command finished.
            return true;
        }
    }

    private static void deleteLock(Path lock) {
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            throw new WorkspaceException("could not remove the git lock file '" + lock + "' left by a killed git"
                    + " command: " + e.getMessage() + "; remove it by hand", e);
        }
    }

    static String cut(String diff, int maxChars, String fromCommit, String toCommit) {
        if (diff.length() <= maxChars) {
            return diff;
        }
        String note = "\n[diff cut: it has " + diff.length() + " characters and only the first part is shown;"
                + " run `git diff " + fromCommit + " " + toCommit + "` in the workspace to see all of it]\n";
        int room = Math.max(0, maxChars - note.length());
        int lastLineEnd = diff.lastIndexOf('\n', room - 1);
        int kept = lastLineEnd >= 0 ? lastLineEnd + 1 : room;
        return diff.substring(0, kept) + note;
    }

    /**
     * Pushes the workspace's HEAD to the job branch of repo, replacing what is there. Crash recovery calls it
     * for a checkpoint commit whose publishing may have been cut short.
     */
    public void publish(Path repo, Path workspace, String branch) {
        Git.Result result = git.run(workspace, List.of("push", "--quiet", "--force", "--no-verify",
                "--no-signed", "--recurse-submodules=no", "--receive-pack=" + RECEIVE_PACK,
                repo.toAbsolutePath().toString(), "HEAD:refs/heads/" + branch));
        if (result.succeeded()) {
            return;
        }
        if (result.stderr().contains("branch is currently checked out")) {
            throw new WorkspaceException("cannot update branch '" + branch + "' in '" + repo
                    + "' because it is checked out there: switch that checkout to another branch"
                    + " (git switch -) and try again; the work is safe in the workspace '" + workspace + "'");
        }
        throw result.failure();
    }

    private void requireValidBranchName(Path repo, String branch) {
        if (!git.run(repo, List.of("check-ref-format", "--branch", branch)).succeeded()) {
            throw new BadInputException("'" + branch + "' is not a valid git branch name:"
                    + " use letters, digits, '-', '_' and '/' (see `git check-ref-format --help`)");
        }
    }

    private void requireOwnClone(Path workspace) {
        Git.Result root = git.run(workspace, List.of("rev-parse", "--show-toplevel"));
        if (!root.succeeded() || !sameFile(Path.of(root.stdout().strip()), workspace)) {
            throw new WorkspaceException("'" + workspace + "' already exists and is not a job workspace:"
                    + " remove it or use another Logist home");
        }
    }

    /** Whether the workspace is a git work tree with {@code branch} checked out. */
    public boolean isOnBranch(Path workspace, String branch) {
        if (!isWorkTree(workspace)) {
            return false;
        }
        Git.Result head = git.run(workspace, List.of("symbolic-ref", "--quiet", "HEAD"));
        return head.succeeded() && head.stdout().strip().equals("refs/heads/" + branch);
    }

    private void excludeLogistDirectory(Path workspace) {
        Path exclude = workspace.resolve(
                git.output(workspace, List.of("rev-parse", "--git-path", "info/exclude")).strip());
        try {
            String existing = Files.exists(exclude) ? Files.readString(exclude) : "";
            if (existing.lines().anyMatch(LOGIST_DIRECTORY::equals)) {
                return;
            }
            String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
            Files.createDirectories(exclude.getParent());
            Files.writeString(exclude, separator + LOGIST_DIRECTORY + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new WorkspaceException("could not add " + LOGIST_DIRECTORY + " to '" + exclude + "': "
                    + e.getMessage(), e);
        }
    }

    private static boolean isMissingOrEmpty(Path directory) {
        if (!Files.exists(directory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new WorkspaceException("could not read the workspace directory '" + directory + "': "
                    + e.getMessage(), e);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new WorkspaceException("could not create the directory '" + directory + "': " + e.getMessage(), e);
        }
    }
}
