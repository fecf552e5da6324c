package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.EngineFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.core.internal.store.StepLogNames;
import io.logist.spi.Observer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepLogsTest {
    @TempDir
    Path dir;

    @Test
    void aStepsLogHasItsOutputAndAStepThatDoesNotExistIsNamed() throws Exception {
        try (EngineFixture fixture = new EngineFixture(dir)) {
            JobId id = fixture.job("echo hello from the worker; " + verdict("COMPLETED", "done"),
                    verdict("COMPLETED", "fine"));
            assertThatThrownBy(() -> fixture.logist.log(id, 1)).isInstanceOf(BadInputException.class)
                    .hasMessage("job " + id + " has no step 1: it has no steps yet");

            fixture.logist.run(id, Observer.NOOP);

            assertThat(fixture.logist.log(id, 1)).contains("hello from the worker").doesNotContain("fine");
            assertThat(fixture.logist.log(id, 2)).anyMatch(line -> line.contains("fine"));
            assertThatThrownBy(() -> fixture.logist.log(id, 3)).isInstanceOf(BadInputException.class)
                    .hasMessage("job " + id + " has no step 3: its steps are 1..2");
        }
    }

    @Test
    void aStepNumberUsedAgainGetsALogOfItsOwn() {
        JobInfo job = TestJobs.withStep(TestJobs.withStep(TestJobs.job(), "worker", StepOutcome.COMPLETED, "a"),
                "supervisor", StepOutcome.RETRY, "b");
        assertThat(StepLogNames.of(job, 2, "supervisor")).isEqualTo(Path.of("logs/2-supervisor.log"));

        JobInfo once = job.withStepsSuperseded(2, "restep", 1, TestJobs.T0);
        assertThat(StepLogNames.of(once, 2, "supervisor")).isEqualTo(Path.of("logs/2-supervisor.2.log"));
        assertThat(StepLogNames.of(once, 2, "worker")).isEqualTo(Path.of("logs/2-worker.log"));

        JobInfo twice = once.withStep(StepInfo.started(2, "supervisor", "mock", "host", false, TestJobs.T0,
                Path.of("logs/2-supervisor.2.log")), TestJobs.T0).withStepsSuperseded(2, "restep", 1, TestJobs.T0);
        assertThat(StepLogNames.of(twice, 2, "supervisor")).isEqualTo(Path.of("logs/2-supervisor.3.log"));
    }
}
