package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.TestJobs.T0;
import static io.logist.core.internal.engine.TestJobs.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobInfo;
import io.logist.JobSettings.Workflow;
import io.logist.Limits;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.Usage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Warnings at 80 percent, once per limit and job, and the crossing that stops a running step. */
class LimitWatchTest {
    private static final Limits LIMITS = new Limits(10, 5, Optional.of(new BigDecimal("5.00")), Optional.of(1000L),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(5));

    /** The job with {@code done} finished steps (one minute each) and a running one that started after them. */
    private static JobInfo running(int done, Usage used) {
        JobInfo job = TestJobs.job(settings(Workflow.WORKER_ONLY, false, LIMITS));
        for (int i = 0; i < done; i++) {
            job = TestJobs.withStep(job, "worker", StepOutcome.RETRY, "more", false, i == 0 ? used : Usage.NONE);
        }
        int n = done + 1;
        Instant start = T0.plusSeconds(60L * done);
        return job.withStep(StepInfo.started(n, "worker", "mock", "host", false, start,
                Path.of("logs", n + "-worker.log")), start);
    }

    private static Usage cost(String usd) {
        return Usage.of(0, 0, new BigDecimal(usd));
    }

    @Test
    void theCostWarningComesOnceWhenTheStepCrosses80Percent() {
        JobInfo job = running(1, cost("3.00"));
        Instant now = T0.plusSeconds(61);
        LimitWatch watch = new LimitWatch(job, now);
        assertThat(watch.warnings(cost("0.99"), now)).isEmpty();
        assertThat(watch.warnings(cost("1.10"), now))
                .containsExactly(new Budget.Warning("maxCostUsd", "$4.10 spent of $5.00"));
        assertThat(watch.warnings(cost("1.50"), now)).isEmpty();
        assertThat(watch.exceeded(cost("1.50"), now)).isEmpty();
        assertThat(watch.exceeded(cost("2.10"), now)).hasValue("limit maxCostUsd exceeded: $5.10 spent of $5.00");
    }

    @Test
    void aLimitAlreadyAt80PercentWhenTheStepStartsWasWarnedAboutBefore() {
        JobInfo job = running(1, cost("4.50"));
        Instant now = T0.plusSeconds(61);
        assertThat(new LimitWatch(job, now).warnings(cost("0.10"), now)).isEmpty();
    }

    @Test
    void tokensAndWallTimeWarnToo() {
        JobInfo job = running(1, new Usage(500, 0, Optional.empty()));
        LimitWatch watch = new LimitWatch(job, T0.plusSeconds(61));
        assertThat(watch.warnings(new Usage(200, 100, Optional.empty()), T0.plusSeconds(120)))
                .containsExactly(new Budget.Warning("maxTokens", "800 tokens of 1000"));
        assertThat(watch.warnings(Usage.NONE, T0.plusSeconds(60 + 419))).isEmpty();
        assertThat(watch.warnings(Usage.NONE, T0.plusSeconds(60 + 420)))
                .containsExactly(new Budget.Warning("maxWallTime", "8m of 10m"));
        assertThat(watch.exceeded(Usage.NONE, T0.plusSeconds(600))).hasValue("limit maxWallTime reached: 10m of 10m");
    }

    @Test
    void theStepThatReaches80PercentOfMaxStepsWarns() {
        assertThat(new LimitWatch(running(6, Usage.NONE), T0.plusSeconds(360)).warnings(Usage.NONE,
                T0.plusSeconds(360))).isEmpty();
        assertThat(new LimitWatch(running(7, Usage.NONE), T0.plusSeconds(420)).warnings(Usage.NONE,
                T0.plusSeconds(420))).containsExactly(new Budget.Warning("maxSteps", "step 8 of 10"));
        assertThat(new LimitWatch(running(8, Usage.NONE), T0.plusSeconds(480)).warnings(Usage.NONE,
                T0.plusSeconds(480))).isEmpty();
    }
}
