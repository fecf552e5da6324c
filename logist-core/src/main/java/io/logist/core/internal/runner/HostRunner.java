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
import java.util.Objects;

/**
 * Runs commands as child processes of this JVM, each in a session of its own: {@code setsid} makes the
 * command the leader of a new session and process group, so the whole tree it starts can be found and
 * stopped by that id. A child of the JVM never leads a group, so {@code setsid} replaces itself with the
 * command instead of forking, and the child's pid is the group and session id.
 */
final class HostRunner implements Runner {
    private final HostTools tools;
    private final ProcFs proc;
    private final Ticker ticker;
    private final String host;

    HostRunner(HostTools tools, ProcFs proc, Ticker ticker) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.proc = Objects.requireNonNull(proc, "proc");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
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
        List<String> command = new ArrayList<>(request.command().size() + 1);
        command.add(tools.setsid().toString());
        command.add(executable.toString());
        command.addAll(request.command().subList(1, request.command().size()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(request.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RunnerException("host runner: cannot start '" + program + "' (" + executable + ") in "
                    + directory + ": " + e.getMessage(), e);
        }
        return HostExecution.adopt(process, request.stdin(), sink, tools, proc, ticker, host);
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
