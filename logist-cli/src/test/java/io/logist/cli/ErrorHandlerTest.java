package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.BadInputException;
import io.logist.ConfigProblem;
import io.logist.ConfigurationException;
import io.logist.InvalidTransitionException;
import io.logist.JobId;
import io.logist.JobLockedException;
import io.logist.JobStatus;
import io.logist.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorHandlerTest {
    private final StringWriter err = new StringWriter();

    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    private int run(RuntimeException failure, boolean debug) {
        ErrorHandler handler = new ErrorHandler(() -> debug);
        return new CommandLine(new Failing(failure)).setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler).execute();
    }

    @Test
    void everyConfigurationProblemIsOnItsOwnLineWithoutAStackTrace() {
        ConfigurationException failure = new ConfigurationException(List.of(
                new ConfigProblem("limits.maxSteps", Optional.of("-1"), "must be >= 1", Optional.of("--set")),
                new ConfigProblem("agent", Optional.of("nope"), "must be one of: mock", Optional.of("--agent"))));

        int exitCode = run(failure, false);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "logist: invalid configuration (2 problems):",
                "  - limits.maxSteps was '-1' but it must be >= 1 (--set)",
                "  - agent was 'nope' but it must be one of: mock (--agent)");
    }

    @Test
    void aLockedJobNamesTheOwner() {
        int exitCode = run(new JobLockedException(JobId.of("a"),
                new JobLockedException.LockOwner(4242, "box", Instant.EPOCH, "run")), false);

        assertThat(exitCode).isEqualTo(3);
        assertThat(err.toString()).startsWith("logist: job a is locked by pid 4242 on host box")
                .doesNotContain("--debug").doesNotContain("\tat ");
    }

    @Test
    void anInternalFailureShowsItsCausesAndHowToGetTheStackTrace() {
        int exitCode = run(new StoreException("cannot write job.json of job a", new IOException("disk full")), false);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                "logist: cannot write job.json of job a",
                "  caused by: java.io.IOException: disk full",
                "(run with --debug for the stack trace)");
    }

    @Test
    void anUnexpectedExceptionIsAnInternalError() {
        int exitCode = run(new IllegalStateException("boom"), false);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("logist: internal error: java.lang.IllegalStateException: boom")
                .contains("(run with --debug for the stack trace)").doesNotContain("\tat ");
    }

    @Test
    void debugPrintsTheStackTrace() {
        int exitCode = run(new IllegalStateException("boom"), true);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("\tat ").doesNotContain("run with --debug");
    }

    @Test
    void aRefusedActionNamesTheStateAndThenWhatItAllows() {
        int exitCode = run(new InvalidTransitionException(JobId.of("a"), JobStatus.RUNNING, "approve",
                List.of("suspend", "cancel")), false);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "logist: cannot approve job a: it is RUNNING",
                "allowed from RUNNING: suspend, cancel");
    }

    @Test
    void aRefusedActionFromAStateThatAllowsNothingIsOneLine() {
        int exitCode = run(new InvalidTransitionException(JobId.of("a"), JobStatus.SUCCESS, "resume", List.of()),
                false);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("logist: cannot resume job a: it is SUCCESS");
    }

    @Test
    void anyRefusalThatNamesWhatItsStateAllowsIsSplitTheSameWay() {
        int exitCode = run(new BadInputException("job a has 2 steps; --to must be 0..2 (0 is the base); it is SUCCESS;"
                + " allowed from SUCCESS: rerun, restep"), false);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "logist: job a has 2 steps; --to must be 0..2 (0 is the base); it is SUCCESS",
                "allowed from SUCCESS: rerun, restep");
    }
}
