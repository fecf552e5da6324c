package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobInfo;
import io.logist.JobStatus;
import io.logist.PluginInfo;
import io.logist.RoleSettings;
import io.logist.StepOutcome;
import io.logist.StepPreview;
import io.logist.Usage;
import io.logist.event.MessageGiven;
import io.logist.event.StateChanged;
import io.logist.event.StepFinished;
import io.logist.spi.Probe;
import java.math.BigDecimal;
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

    @Test
    void statusShowsTheMessageAndTheSupersededSteps() {
        JobInfo job = Jobs.job("fix-login-3f9a", JobStatus.PENDING, Optional.empty())
                .withStep(Jobs.finishedWorker(), Jobs.CREATED.plusSeconds(13))
                .withStepsSuperseded(1, "restep", 1, Jobs.CREATED.plusSeconds(30))
                .withMessage(Optional.of("Also test the lockout"), Jobs.CREATED.plusSeconds(31));

        String text = views.status(job);

        assertThat(text).contains("message:   Also test the lockout (for the next worker step)")
                .contains("superseded steps, kept in the history:");
        assertThat(text.lines()).contains(
                "RUN  BY      N  ROLE    AGENT  OUTCOME    COMMIT      REASON",
                "1    restep  1  worker  mock   COMPLETED  fedcba9876");
        assertThat(text).doesNotContain("run:");
    }

    @Test
    void previewShowsTheCommandAsAShellWouldReadItTheVariableNamesAndThePrompt() {
        String text = TextViews.preview(new StepPreview(3, "worker", "mock", "host", "Fix it.\nAnswer with JSON.",
                List.of("sh", "/tmp/mock agent.sh", "it's"), List.of("HOME", "MOCK_ROLE")));

        assertThat(text.lines()).containsExactly(
                "next step 3: worker (mock) on host",
                "command:   sh '/tmp/mock agent.sh' 'it'\\''s'",
                "env:       HOME MOCK_ROLE (values not shown)",
                "prompt:",
                "Fix it.",
                "Answer with JSON.");
    }

    @Test
    void anEventLineIsSeqTimeTypeStepAndDetails() {
        assertThat(TextViews.event(new StepFinished(5, Jobs.CREATED, 2, StepOutcome.RETRY, Optional.empty(),
                Optional.of(0), Optional.of("add a test"), Optional.empty(), Usage.of(1, 2, new BigDecimal("0.5")))))
                .isEqualTo("5 2026-11-22T10:00:00Z step.finished 2 outcome=RETRY exitCode=0 summary=\"add a test\""
                        + " usage={\"inputTokens\":1,\"outputTokens\":2,\"costUsd\":0.5}");
        assertThat(TextViews.event(new StateChanged(1, Jobs.CREATED, JobStatus.PENDING, JobStatus.RUNNING, "run",
                Optional.empty()))).isEqualTo("1 2026-11-22T10:00:00Z job.state - from=PENDING to=RUNNING action=run");
        assertThat(TextViews.event(new MessageGiven(7, Jobs.CREATED, "reject", "line one\nline two")))
                .isEqualTo("7 2026-11-22T10:00:00Z job.message - action=reject message=\"line one\\nline two\"");
    }

    @Test
    void rolesArePrintedAsATableAndOneRoleInFull() {
        List<RoleSettings> roles = List.of(new RoleSettings("worker", "mock", "Do the work.\nThen test it."),
                new RoleSettings("supervisor", "claude-code", "Review the change."));

        assertThat(TextViews.roles(roles).lines()).containsExactly(
                "ROLE        AGENT        INSTRUCTIONS",
                "worker      mock         Do the work. ...",
                "supervisor  claude-code  Review the change.");
        assertThat(TextViews.role(roles.get(0)).lines()).containsExactly(
                "role:      worker",
                "agent:     mock",
                "instructions:",
                "Do the work.",
                "Then test it.");
    }

    @Test
    void pluginsShowAvailabilityAndWhatTheProbeFound() {
        String table = TextViews.plugins(List.of(
                new PluginInfo(PluginInfo.Kind.RUNNER, "host", Optional.of("0.1.0"), "io.logist.Host",
                        Probe.available("setsid found", null)),
                new PluginInfo(PluginInfo.Kind.AGENT, "codex", Optional.empty(), "io.logist.Codex",
                        Probe.unavailable("codex not on PATH: npm i -g @openai/codex"))));

        assertThat(table.lines()).containsExactly(
                "KIND    ID     VERSION  AVAILABLE  TOOL  CLASS            DETAIL",
                "runner  host   0.1.0    yes        -     io.logist.Host   setsid found",
                "agent   codex  -        no         -     io.logist.Codex  codex not on PATH: npm i -g @openai/codex");
    }
}
