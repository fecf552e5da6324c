package io.logist.cli;

import io.logist.JobId;
import io.logist.Usage;
import io.logist.event.JobEvent;
import io.logist.event.StepFinished;
import io.logist.event.StepStarted;
import io.logist.event.UsageReported;
import io.logist.event.VerdictRejected;
import io.logist.spi.Observer;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a run's progress as its events arrive. On a terminal, the running step is a single status line
 * that is rewritten in place ({@code \r}) every second, and each finished step leaves one line; otherwise
 * every step prints plain lines that read well in a log file. The agent's own output is not shown: it is
 * in the step log.
 */
final class ProgressPrinter implements Observer, AutoCloseable {
    private static final long REFRESH_MILLIS = 1000;

    private final PrintStream out;
    private final Clock clock;
    private final boolean statusLine;
    private final Map<Integer, StepStarted> started = new HashMap<>();
    private final Optional<ScheduledExecutorService> ticker;
    private Optional<StepStarted> current = Optional.empty();
    private Usage finishedUsage = Usage.NONE;
    private Usage currentUsage = Usage.NONE;
    private int statusLength;

    private ProgressPrinter(PrintStream out, Clock clock, boolean statusLine) {
        this.out = out;
        this.clock = clock;
        this.statusLine = statusLine;
        this.ticker = statusLine ? Optional.of(Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "logist-progress");
            thread.setDaemon(true);
            return thread;
        })) : Optional.empty();
    }

    /** Plain lines, one per step start and end. */
    static ProgressPrinter lines(PrintStream out, Clock clock) {
        return new ProgressPrinter(out, clock, false);
    }

    /** A status line rewritten in place, for a terminal; it refreshes the elapsed time until closed. */
    static ProgressPrinter statusLine(PrintStream out, Clock clock) {
        ProgressPrinter printer = new ProgressPrinter(out, clock, true);
        printer.ticker.ifPresent(executor -> executor.scheduleAtFixedRate(printer::redraw, REFRESH_MILLIS,
                REFRESH_MILLIS, TimeUnit.MILLISECONDS));
        return printer;
    }

    @Override
    public synchronized void onEvent(JobId job, JobEvent event) {
        if (event instanceof StepStarted step) {
            started.put(step.n(), step);
            current = Optional.of(step);
            currentUsage = Usage.NONE;
            if (!statusLine) {
                println("step " + step.n() + " " + step.role() + " (" + step.agent() + ")"
                        + (step.reask() ? " re-asked for its verdict" : "") + " started");
            }
        } else if (event instanceof UsageReported usage) {
            currentUsage = usage.stepTotal();
        } else if (event instanceof VerdictRejected rejected) {
            println("step " + rejected.n() + " verdict rejected: " + rejected.error());
        } else if (event instanceof StepFinished finished) {
            finishedUsage = finishedUsage.plus(finished.usage());
            currentUsage = Usage.NONE;
            current = Optional.empty();
            println(finishedLine(finished));
        }
        redraw();
    }

    @Override
    public synchronized void close() {
        ticker.ifPresent(ScheduledExecutorService::shutdownNow);
        // A tick already waiting for the lock must find nothing left to draw.
        current = Optional.empty();
        clearStatus();
    }

    private String finishedLine(StepFinished finished) {
        Optional<StepStarted> step = Optional.ofNullable(started.get(finished.n()));
        List<String> details = new ArrayList<>();
        step.ifPresent(s -> details.add(DurationTexts.forPeople(Duration.between(s.ts(), finished.ts()))));
        finished.usage().costUsd().ifPresent(cost -> details.add(TextViews.cost(Optional.of(cost))));
        return "step " + finished.n() + step.map(s -> " " + s.role()).orElse("") + " finished: "
                + finished.outcome() + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")")
                + finished.reason().map(reason -> ": " + reason).orElse("");
    }

    private synchronized void redraw() {
        if (!statusLine) {
            return;
        }
        current.ifPresent(step -> {
            String status = "step " + step.n() + " " + step.role() + " (" + step.agent() + ") running "
                    + DurationTexts.forPeople(Duration.between(step.ts(), clock.instant())) + ", cost so far "
                    + TextViews.cost(finishedUsage.plus(currentUsage).costUsd());
            out.print("\r" + status + " ".repeat(Math.max(0, statusLength - status.length())));
            out.flush();
            statusLength = status.length();
        });
    }

    private void println(String line) {
        clearStatus();
        out.println(line);
    }

    private void clearStatus() {
        if (statusLength > 0) {
            out.print("\r" + " ".repeat(statusLength) + "\r");
            out.flush();
            statusLength = 0;
        }
    }
}
