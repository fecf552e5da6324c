package io.logist.core.internal.engine;

import io.logist.Usage;
import io.logist.core.internal.sentinel.Failure;
import io.logist.core.internal.sentinel.Sentinel;
import io.logist.core.internal.sentinel.Stop;
import io.logist.event.LimitWarning;
import io.logist.event.SignalRaised;
import io.logist.event.UsageReported;
import io.logist.spi.AgentError;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentSignal;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.OutputSink;
import io.logist.spi.StepLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The running side of one step: receives output lines from the runner's reader threads, writes them to the
 * step log (secrets redacted), feeds the agent's interpreter and the {@link Sentinel}, raises the observer's
 * signals, accumulates usage and checks the limits on every usage report and every tick of the watch loop.
 * The loop's thread asks {@link #check} whether the step must stop.
 */
final class LiveStep implements OutputSink {
    private static final int STDERR_TAIL_LINES = 10;
    /** A signal event quotes its line; a line may be a whole JSON document. */
    private static final int MAX_SIGNAL_LINE_CHARS = 500;

    private final int n;
    private final JobJournal journal;
    private final StepLog log;
    private final OutputInterpreter interpreter;
    private final StepEnvironment environment;
    private final Sentinel sentinel;
    private final LimitWatch limits;
    private final Clock clock;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private Usage usage = Usage.NONE;
    private Optional<String> sessionId = Optional.empty();

    LiveStep(int n, JobJournal journal, StepLog log, OutputInterpreter interpreter, StepEnvironment environment,
             Sentinel sentinel, LimitWatch limits, Clock clock) {
        this.n = n;
        this.journal = journal;
        this.log = log;
        this.interpreter = interpreter;
        this.environment = environment;
        this.sentinel = sentinel;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public synchronized void line(OutputChannel channel, String raw) {
        Instant now = clock.instant();
        String line = environment.redact(raw);
        log.append(channel == OutputChannel.STDERR ? "[stderr] " + line : line);
        if (channel == OutputChannel.STDERR) {
            stderrTail.addLast(line);
            if (stderrTail.size() > STDERR_TAIL_LINES) {
                stderrTail.removeFirst();
            }
        }
        journal.output(n, channel, line);
        sentinel.line(line, now).forEach(signal -> raise(signal, line));
        for (AgentSignal signal : interpreter.onLine(channel, raw)) {
            journal.signal(n, signal);
            if (signal instanceof AgentSignal.UsageDelta delta) {
                usage = usage.plus(delta.usage());
                Usage total = usage;
                journal.emit((seq, ts) -> new UsageReported(seq, ts, n, delta.usage(), total));
                checkLimits(now);
            } else if (signal instanceof AgentSignal.Session session) {
                sessionId = Optional.of(session.id());
            } else if (signal instanceof AgentSignal.ToolCall call) {
                sentinel.toolCall(call.tool(), call.detail());
            } else if (signal instanceof AgentSignal.Failure failure) {
                AgentError error = failure.error();
                sentinel.failure(error).ifPresent(code -> raise(code, environment.redact(error.message())));
            }
        }
    }

    /** The process started at {@code at}. */
    synchronized void started(Instant at) {
        sentinel.started(at);
    }

    /** The verdict file is in the workspace at {@code now}. */
    synchronized void verdictFile(Instant now) {
        sentinel.verdictFile(now);
    }

    /** Whether the step must stop at {@code now}, and why: a crossed limit or a sentinel rule. */
    synchronized Optional<Stop> check(Instant now) {
        checkLimits(now);
        return sentinel.check(now);
    }

    private void checkLimits(Instant now) {
        for (Budget.Warning warning : limits.warnings(usage, now)) {
            journal.emit((seq, ts) -> new LimitWarning(seq, ts, n, warning.limit(), warning.detail()));
        }
        limits.exceeded(usage, now).ifPresent(reason -> sentinel.halt(Stop.kill(reason)));
    }

    private void raise(String signal, String line) {
        String quoted = line.length() > MAX_SIGNAL_LINE_CHARS ? line.substring(0, MAX_SIGNAL_LINE_CHARS) + "..." : line;
        journal.emit((seq, ts) -> new SignalRaised(seq, ts, n, signal, quoted));
    }

    synchronized Usage usage() {
        return usage;
    }

    synchronized Optional<String> sessionId() {
        return sessionId;
    }

    synchronized String stderrTail() {
        return String.join("\n", stderrTail);
    }

    /** The interpreter's verdict on the whole output, once the process has exited. */
    synchronized AgentOutcome finish(int exitCode) {
        return interpreter.finish(exitCode);
    }

    /** Why the failed step failed, when its output tells; {@code finalError} from {@link #finish} wins. */
    synchronized Optional<Failure> failure(Optional<AgentError> finalError) {
        return sentinel.failure(finalError);
    }
}
