package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.TestJobs.job;
import static io.logist.core.internal.engine.TestJobs.withStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobInfo;
import io.logist.RoleSettings;
import io.logist.StepOutcome;
import io.logist.core.internal.verdict.VerdictInstructions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {
    private static final RoleSettings WORKER = new RoleSettings("worker", "mock", "You are the worker.");
    private static final RoleSettings SUPERVISOR = new RoleSettings("supervisor", "mock", "You are the supervisor.");

    @Test
    void theFirstWorkerPromptHasInstructionsTaskAndVerdictProtocol() {
        String prompt = PromptBuilder.build(job(), WORKER, false, Optional.empty());
        assertThat(prompt).startsWith("You are the worker.").contains("## Task\n\nFix it")
                .endsWith(VerdictInstructions.text().strip() + "\n")
                .doesNotContain("Feedback from the supervisor");
    }

    @Test
    void theSupervisorSeesTheWorkersSummaryAndTheDiff() {
        JobInfo job = withStep(job(), "worker", StepOutcome.COMPLETED, "changed the login check");
        String prompt = PromptBuilder.build(job, SUPERVISOR, false, Optional.of("+new line"));
        assertThat(prompt).contains("## The worker's summary\n\nchanged the login check")
                .contains("```diff\n+new line\n```");
    }

    @Test
    void theWorkerGetsUnansweredFeedbackOnly() {
        JobInfo asked = withStep(withStep(job(), "worker", StepOutcome.COMPLETED, "first try"),
                "supervisor", StepOutcome.RETRY, "add a test");
        assertThat(PromptBuilder.build(asked, WORKER, false, Optional.empty()))
                .contains("## Feedback from the supervisor\n\nadd a test")
                .contains("## Your previous step's summary\n\nfirst try");
        JobInfo answered = withStep(asked, "worker", StepOutcome.COMPLETED, "added the test");
        assertThat(PromptBuilder.build(answered, WORKER, false, Optional.empty()))
                .doesNotContain("add a test");
    }

    @Test
    void aReaskCarriesTheVerdictError() {
        JobInfo job = withStep(job(), "worker", StepOutcome.INVALID_VERDICT, "no verdict found: end with a block");
        assertThat(PromptBuilder.build(job, WORKER, true, Optional.empty()))
                .contains("Your previous answer had no valid verdict")
                .contains("no verdict found: end with a block");
    }
}
