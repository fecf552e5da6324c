package io.logist.cli;

import io.logist.JobId;
import io.logist.JobResult;
import io.logist.JobStatus;
import io.logist.Logist;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that works with the library: it opens {@link Logist} on the chosen home, does its work and
 * closes it. Errors are not handled here but in {@link ErrorHandler}, so that every command maps them to
 * the same messages and exit codes.
 */
abstract class LogistSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public final Integer call() {
        try (Logist logist = root().openLogist()) {
            return execute(logist);
        }
    }

    /** Does the command's work and returns its exit code. */
    protected abstract int execute(Logist logist);

    /**
     * Prints where a {@code run}, {@code step} or {@code poststep} left the job, and with {@code hints} what
     * to do next, and returns the exit code of that state (SPEC section 9).
     */
    protected int report(Logist logist, JobResult result, boolean hints) {
        out().println(stateLine(result.id(), result.status(), result.reason()));
        if (hints) {
            NextSteps.of(logist.status(result.id())).forEach(err()::println);
        }
        return ExitCodes.forStatus(result.status());
    }

    /** {@code job ID STATUS: reason}, the line that says where a command left a job. */
    protected static String stateLine(JobId id, JobStatus status, Optional<String> reason) {
        return "job " + id + " " + status + reason.map(why -> ": " + why).orElse("");
    }

    protected CliEnvironment environment() {
        return root().environment();
    }

    protected PrintStream out() {
        return environment().out();
    }

    protected PrintStream err() {
        return environment().err();
    }

    private LogistCommand root() {
        return (LogistCommand) spec.root().userObject();
    }
}
