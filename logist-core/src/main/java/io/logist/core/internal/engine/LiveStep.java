package io.logist.core.internal.engine;

import io.logist.JobInfo;
import io.logist.Usage;
import io.logist.event.UsageReported;
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
 * step log (secrets redacted), feeds the agent's interpreter, accumulates usage and checks the budget on
 * every usage report. The loop's thread reads what it gathered.
 */
final class LiveStep implements OutputSink {
    private static final int STDERR_TAIL_LINES = 10;

    private final JobInfo jobAtStart;
    private final int n;
    private final JobJournal journal;
    private final StepLog log;
    private final OutputInterpreter interpreter;
    private final StepEnvironment environment;
    private final Clock clock;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private Usage usage = Usage.NONE;
    private Optional<String> sessionId = Optional.empty();
    private Optional<String> stopReason = Optional.empty();
    private Instant lastOutput;

    LiveStep(JobInfo jobAtStart, int n, JobJournal journal, StepLog log, OutputInterpreter interpreter,
             StepEnvironment environment, Clock clock) {
        this.jobAtStart = jobAtStart;
        this.n = n;
        this.journal = journal;
        this.log = log;
        this.interpreter = interpreter;
        this.environment = environment;
        this.clock = clock;
        this.lastOutput = clock.instant();
    }

    @Override
    public synchronized void line(OutputChannel channel, String raw) {
        String line = environment.redact(raw);
        lastOutput = clock.instant();
        log.append(channel == OutputChannel.STDERR ? "[stderr] " + line : line);
        if (channel == OutputChannel.STDERR) {
            stderrTail.addLast(line);
            if (stderrTail.size() > STDERR_TAIL_LINES) {
                stderrTail.removeFirst();
            }
        }
        journal.output(n, channel, line);
        for (AgentSignal signal : interpreter.onLine(channel, raw)) {
            journal.signal(n, signal);
            if (signal instanceof AgentSignal.UsageDelta delta) {
                usage = usage.plus(delta.usage());
                Usage total = usage;
                journal.emit((seq, ts) -> new UsageReported(seq, ts, n, delta.usage(), total));
                if (stopReason.isEmpty()) {
                    stopReason = Budget.exceededDuring(jobAtStart, usage, clock.instant());
                }
            } else if (signal instanceof AgentSignal.Session session) {
                sessionId = Optional.of(session.id());
            }
        }
    }

    synchronized Usage usage() {
        return usage;
    }

    synchronized Optional<String> sessionId() {
        return sessionId;
    }

    /** A limit crossed by a usage report, which stops the step. */
    synchronized Optional<String> stopReason() {
        return stopReason;
    }

    synchronized Instant lastOutput() {
        return lastOutput;
    }

    synchronized String stderrTail() {
        return String.join("\n", stderrTail);
    }

    /** The interpreter's verdict on the whole output, once the process has exited. */
    synchronized io.logist.spi.AgentOutcome finish(int exitCode) {
        return interpreter.finish(exitCode);
    }
}
