package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobInfo;
import io.logist.JobStatus;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextViewsTest {
    private final TextViews views = new TextViews(Clock.fixed(Jobs.CREATED.plusSeconds(25), ZoneOffset.UTC));

    @Test
    void listIsAnAlignedTable() {
        JobInfo stuck = Jobs.job("fix-login-3f9a", JobStatus.INTERVENTION_REQUIRED, Optional.of("worker said STUCK"))
                .withStep(Jobs.finishedWorker(), Jobs.CREATED.plusSeconds(13));

        String table = views.list(List.of(Jobs.job("a", JobStatus.PENDING, Optional.empty()), stuck));

        assertThat(table.lines()).containsExactly(
                "ID              STATUS                 STEPS  UPDATED               REASON",
                "a               PENDING                0      2026-11-22T10:01:00Z",
                "fix-login-3f9a  INTERVENTION_REQUIRED  1      2026-11-22T10:00:13Z  worker said STUCK");
    }

    @Test
    void statusSummarizesTheJobAndTabulatesItsSteps() {
        JobInfo job = Jobs.job("fix-login-3f9a", JobStatus.INTERVENTION_REQUIRED, Optional.of("worker said STUCK"))
                .withStep(Jobs.finishedWorker(), Jobs.CREATED.plusSeconds(13))
                .withStep(Jobs.runningSupervisor(), Jobs.CREATED.plusSeconds(20));

        String text = views.status(job);

        assertThat(text).contains("status:    INTERVENTION_REQUIRED: worker said STUCK")
                .contains("branch:    logist/fix-login-3f9a")
                .contains("workspace: /home/u/.logist/jobs/fix-login-3f9a/workspace")
                .contains("agents:    worker=mock, supervisor=claude-code")
                .contains("usage:     1200 input + 300 output tokens, cost $0.0100, 7.5s in steps")
                .contains("limits:    20 steps, 5 rounds, cost $5.00, tokens -, 2h in all, 30m per step, 5m idle");
        assertThat(text.lines()).contains(
                "N  ROLE        AGENT        OUTCOME    TIME  COST     TOKENS  REASON",
                "1  worker      mock         COMPLETED  2.5s  $0.0100  1500",
                "2  supervisor  claude-code  EXECUTING  5.0s  -        0");
        assertThat(text).contains("last step's log: /home/u/.logist/jobs/fix-login-3f9a/logs/2-supervisor.log")
                .contains("logist job resubmit fix-login-3f9a");
    }
}
