package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.TestJobs.T0;
import static io.logist.core.internal.engine.TestJobs.job;
import static io.logist.core.internal.engine.TestJobs.settings;
import static io.logist.core.internal.engine.TestJobs.withStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobInfo;
import io.logist.JobSettings.Workflow;
import io.logist.Limits;
import io.logist.StepOutcome;
import io.logist.Usage;
import io.logist.core.internal.engine.StepPlan.Decision;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetTest {
    private static final Decision.Run WORKER = new Decision.Run("worker", false);

    private static Limits limits(int maxSteps, int maxRounds, String maxCost, Long maxTokens, Duration wall) {
        return new Limits(maxSteps, maxRounds, Optional.ofNullable(maxCost).map(BigDecimal::new),
                Optional.ofNullable(maxTokens), wall, Duration.ofMinutes(30), Duration.ofMinutes(5));
    }

    private static JobInfo jobWith(Limits limits) {
        return job(settings(Workflow.WORKER_SUPERVISOR, false, limits));
    }

    @Test
    void maxStepsStopsBeforeTheNextStep() {
        JobInfo job = withStep(jobWith(limits(1, 5, null, null, Duration.ofHours(2))), "worker",
                StepOutcome.COMPLETED, "done");
        assertThat(Budget.exceededBefore(job, new Decision.Run("supervisor", false), T0.plusSeconds(60)))
                .hasValue("limit maxSteps reached: 1 steps of 1");
    }

    @Test
    void maxRoundsStopsANewRoundButNotTheReviewOfTheCurrentOne() {
        JobInfo job = withStep(withStep(jobWith(limits(20, 1, null, null, Duration.ofHours(2))), "worker",
                StepOutcome.COMPLETED, "a"), "supervisor", StepOutcome.RETRY, "more");
        assertThat(Budget.exceededBefore(job, WORKER, T0.plusSeconds(120)))
                .hasValue("limit maxRounds reached: 1 rounds of 1");
        JobInfo firstRound = withStep(jobWith(limits(20, 1, null, null, Duration.ofHours(2))), "worker",
                StepOutcome.COMPLETED, "a");
        assertThat(Budget.exceededBefore(firstRound, new Decision.Run("supervisor", false), T0.plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void costOverTheLimitIsReportedWithTheFigures() {
        JobInfo job = withStep(jobWith(limits(20, 5, "0.50", null, Duration.ofHours(2))), "worker",
                StepOutcome.RETRY, "a", false, Usage.of(10, 10, new BigDecimal("0.40")));
        assertThat(Budget.exceededBefore(job, WORKER, T0.plusSeconds(60))).isEmpty();
        assertThat(Budget.exceededDuring(job, Usage.of(1, 1, new BigDecimal("0.11")), T0.plusSeconds(60)))
                .hasValue("limit maxCostUsd exceeded: $0.51 spent of $0.50");
    }

    @Test
    void tokensOverTheLimitAreReported() {
        JobInfo job = jobWith(limits(20, 5, null, 1000L, Duration.ofHours(2)));
        assertThat(Budget.exceededDuring(job, new Usage(900, 101, Optional.empty()), T0))
                .hasValue("limit maxTokens exceeded: 1001 tokens of 1000");
    }

    @Test
    void wallTimeCountsARunningStepUpToNow() {
        JobInfo job = withStep(jobWith(limits(20, 5, null, null, Duration.ofMinutes(2))), "worker",
                StepOutcome.RETRY, "a");
        assertThat(Budget.exceededBefore(job, WORKER, T0.plusSeconds(600))).isEmpty();
        assertThat(Budget.wallTime(job, T0.plusSeconds(600))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void remainingBudgetIsWhatIsLeft() {
        JobInfo job = withStep(jobWith(limits(20, 5, "1.00", 5000L, Duration.ofMinutes(10))), "worker",
                StepOutcome.RETRY, "a", false, Usage.of(1000, 500, new BigDecimal("0.25")));
        var budget = Budget.remaining(job, T0.plusSeconds(60));
        assertThat(budget.costUsd()).hasValue(new BigDecimal("0.75"));
        assertThat(budget.tokens()).hasValue(3500L);
        assertThat(budget.time()).isEqualTo(Duration.ofMinutes(9));
    }
}
