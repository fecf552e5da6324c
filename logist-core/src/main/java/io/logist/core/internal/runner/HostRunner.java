package io.logist.core.internal.runner;

import io.logist.RunnerException;
import io.logist.spi.Execution;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.OutputSink;
import io.logist.spi.Runner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs commands as child processes of this JVM, each in a session of its own: {@code setsid} makes a small
 * {@code sh} wrapper the leader of a new session and process group, so the whole tree it starts can be found
 * and stopped by that id. A child of the JVM never leads a group, so {@code setsid} replaces itself with the
 * wrapper instead of forking, and the child's pid is the group and session id.
 *
 * <p>The command writes its output to files in a new directory {@code host-<k>} of the step directory, and
 * the wrapper writes the command's exit code to the file {@code exit} there once it ended. So the command
 * outlives the process that started it without losing a line, and another process can find it again with
 * {@link #reattach}, read the whole output and learn the exit code.
 *
 * <p>Every command also gets {@value #HOME_VARIABLE} (the Logist home) and {@value #JOB_VARIABLE} (the job
 * id) in its environment, so that the processes of a job can be found in {@code /proc/<pid>/environ} after
 * the process that started them died (see {@link JobProcesses}).
 */
final class HostRunner implements Runner {
    /** The Logist home, in every command's environment. */
    static final String HOME_VARIABLE = "LOGIST_HOME";
    /** The job id, in every command's environment. */
    static final String JOB_VARIABLE = "LOGIST_JOB";

    /**
     * Runs "$@" and records its exit code. {@code $1} is the exit file. The exit code is one short write
     * ending in a newline, so a reader takes a file without the newline as not written.
     */
    private static final String WRAPPER = "exit_file=$1; shift; \"$@\"; code=$?;"
            + " printf '%s\\n' \"$code\" > \"$exit_file\"; exit \"$code\"";
    /** sh exports a PWD of its own; a command given no PWD must not get one. */
    private static final String NO_PWD = "unset PWD; ";

    private final HostTools tools;
    private final ProcFs proc;
    private final Ticker ticker;
    private final String host;
    private final Path home;

    HostRunner(HostTools tools, ProcFs proc, Ticker ticker, Path home) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.proc = Objects.requireNonNull(proc, "proc");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.home = Objects.requireNonNull(home, "home");
        this.host = proc.hostname();
    }

    @Override
    public Execution start(ExecutionRequest request, OutputSink sink) {
        Objects.requireNonNull(sink, "sink");
        Path directory = request.workingDirectory();
        String program = request.command().get(0);
        if (!Files.isDirectory(directory)) {
            throw new RunnerException("host runner: cannot start '" + program + "' in " + directory
                    + ": that working directory does not exist or is not a directory; create it first");
        }
        // setsid would look the program up in the JVM's PATH; the command must only see its own environment.
        Path executable = Executables.find(program, request.environment(), directory)
                .orElseThrow(() -> new RunnerException(notFound(program, request)));
        ExecutionFiles files = ExecutionFiles.createIn(request.stepDirectory());
        List<String> command = new ArrayList<>(request.command().size() + 6);
        command.addAll(List.of(tools.setsid().toString(), tools.sh().toString(), "-c",
                (request.environment().containsKey("PWD") ? "" : NO_PWD) + WRAPPER, "logist-host",
                files.exit().toString(), executable.toString()));
        command.addAll(request.command().subList(1, request.command().size()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(files.stdout().toFile()).redirectError(files.stderr().toFile());
        builder.environment().clear();
        builder.environment().putAll(request.environment());
        builder.environment().put(HOME_VARIABLE, home.toString());
        builder.environment().put(JOB_VARIABLE, request.jobId().value());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RunnerException("host runner: cannot start '" + program + "' (" + executable + ") in "
                    + directory + ": " + e.getMessage(), e);
        }
        return HostExecution.adopt(process, files, request.stdin(), sink, tools, proc, ticker, host);
    }

    /**
     * Finds an execution of this host again after the process that started it died: the same process still
     * runs (pid and start time match, and it is no zombie), or it ended and recorded its exit code. Its whole
     * output is delivered to {@code sink} again, from the first line.
     */
    @Override
    public Optional<Execution> reattach(Map<String, String> handle, OutputSink sink) {
        Objects.requireNonNull(sink, "sink");
        return HostHandle.parse(handle).filter(found -> found.host().equals(host))
                .flatMap(found -> HostExecution.reattach(found, sink, tools, proc, ticker));
    }

    private static String notFound(String program, ExecutionRequest request) {
        if (program.contains("/")) {
            return "host runner: cannot start '" + program + "': no executable file there (looked in "
                    + request.workingDirectory() + "); check the path and its execute permission";
        }
        return "host runner: cannot start '" + program + "': it is not an executable in any directory of the"
                + " PATH given to the command (" + Executables.searchPath(request.environment()) + "); install it,"
                + " add its directory to that PATH, or configure its absolute path";
    }
}
