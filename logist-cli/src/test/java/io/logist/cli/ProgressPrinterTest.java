package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobId;
import io.logist.JobStatus;
import io.logist.StepOutcome;
import io.logist.StepPhase;
import io.logist.Usage;
import io.logist.event.PhaseChanged;
import io.logist.event.StateChanged;
import io.logist.event.StepFinished;
import io.logist.event.StepStarted;
import io.logist.event.UsageReported;
import io.logist.event.VerdictRejected;
import io.logist.spi.OutputChannel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private static final JobId JOB = JobId.of("a");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final Clock clock = Clock.fixed(T0.plusSeconds(3), ZoneOffset.UTC);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void playTwoSteps(ProgressPrinter printer) {
        printer.onEvent(JOB, new StateChanged(1, T0, JobStatus.PENDING, JobStatus.RUNNING, "run", Optional.empty()));
        printer.onEvent(JOB, new StepStarted(2, T0, 1, "worker", "mock", "host", false));
        printer.onEvent(JOB, new PhaseChanged(3, T0, 1, StepPhase.EXECUTING));
        printer.onOutput(JOB, 1, OutputChannel.STDOUT, "agent chatter that belongs in the log");
        printer.onEvent(JOB, new UsageReported(4, T0.plusSeconds(1), 1, Usage.of(10, 5, new BigDecimal("0.02")),
                Usage.of(10, 5, new BigDecimal("0.02"))));
        printer.onEvent(JOB, new StepFinished(5, T0.plusMillis(2100), 1, StepOutcome.COMPLETED, Optional.empty(),
                Optional.of(0), Optional.of("done"), Optional.of("abc"), Usage.of(10, 5, new BigDecimal("0.02"))));
        printer.onEvent(JOB, new StepStarted(6, T0.plusSeconds(3), 2, "supervisor", "mock", "host", false));
        printer.onEvent(JOB, new VerdictRejected(7, T0.plusSeconds(4), 2, "no json block"));
        printer.onEvent(JOB, new StepFinished(8, T0.plusSeconds(5), 2, StepOutcome.STUCK,
                Optional.of("supervisor said STUCK"), Optional.of(0), Optional.empty(), Optional.empty(), Usage.NONE));
    }

    @Test
    void plainLinesNameEachStepsStartAndEndAndLeaveTheAgentsOutputOut() {
        try (ProgressPrinter printer = ProgressPrinter.lines(out, clock)) {
            playTwoSteps(printer);
        }

        assertThat(printed().lines()).containsExactly(
                "step 1 worker (mock) started",
                "step 1 worker finished: COMPLETED (2.1s, $0.02)",
                "step 2 supervisor (mock) started",
                "step 2 verdict rejected: no json block",
                "step 2 supervisor finished: STUCK (2.0s): supervisor said STUCK");
        assertThat(printed()).doesNotContain("\r");
    }

    @Test
    void onATerminalTheRunningStepIsOneLineRewrittenInPlace() {
        ProgressPrinter printer = ProgressPrinter.statusLine(out, clock);
        printer.onEvent(JOB, new StepStarted(1, T0, 1, "worker", "mock", "host", false));
        printer.onEvent(JOB, new UsageReported(2, T0.plusSeconds(1), 1, Usage.of(10, 5, new BigDecimal("0.02")),
                Usage.of(10, 5, new BigDecimal("0.02"))));

        assertThat(printed()).startsWith("\rstep 1 worker (mock) running 3.0s, cost so far -")
                .endsWith("\rstep 1 worker (mock) running 3.0s, cost so far $0.02")
                .doesNotContain("\n");

        printer.onEvent(JOB, new StepFinished(3, T0.plusSeconds(2), 1, StepOutcome.COMPLETED, Optional.empty(),
                Optional.of(0), Optional.empty(), Optional.empty(), Usage.of(10, 5, new BigDecimal("0.02"))));
        printer.close();

        String afterStatus = printed().substring(printed().lastIndexOf('\r') + 1);
        assertThat(afterStatus).isEqualTo("step 1 worker finished: COMPLETED (2.0s, $0.02)" + System.lineSeparator());
    }
}
