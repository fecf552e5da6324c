package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.EngineFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobStatus;
import io.logist.StepPreview;
import io.logist.spi.Observer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code preview}: the next step as it would run, with nothing run and nothing changed. */
class PreviewerTest extends EngineTestCase {
    private static final String WORKER = "echo work >> a.txt; " + verdict("COMPLETED", "wrote a.txt");
    private static final String SUPERVISOR = verdict("COMPLETED", "fine");


    @Test
    void thePreviewOfTheSupervisorsStepShowsItsPromptAndCommandAndChangesNothing() throws Exception {
        JobId id = fixture.job(WORKER, SUPERVISOR);
        logist.step(id, Observer.NOOP);
        Map<Path, String> before = contents(fixture.jobDirectory(id));

        StepPreview preview = logist.preview(id);

        assertThat(preview.step()).isEqualTo(2);
        assertThat(List.of(preview.role(), preview.agent(), preview.runner()))
                .containsExactly("supervisor", "script", "host");
        assertThat(preview.prompt()).contains("## The worker's summary\n\nwrote a.txt").contains("+work");
        assertThat(preview.command()).containsExactly("sh", "-c", SUPERVISOR);
        assertThat(preview.environmentNames()).contains("PATH", "STEP").isSorted();
        assertThat(contents(fixture.jobDirectory(id))).isEqualTo(before);
    }

    @Test
    void aDraftJobPreviewsItsFirstWorkerStep() throws Exception {
        JobId id = fixture.draft(WORKER, SUPERVISOR);
        String before = fixture.storedState(id);

        StepPreview preview = logist.preview(id);

        assertThat(preview.step()).isEqualTo(1);
        assertThat(preview.role()).isEqualTo("worker");
        assertThat(preview.prompt()).contains("## Task\n\nWrite a.txt").contains("\"action\"");
        assertThat(fixture.storedState(id)).isEqualTo(before);
        assertThat(logist.status(id).workspace()).doesNotExist();
    }

    @Test
    void aRejectedJobPreviewsAWorkerStepWithThePersonsMessage() {
        JobId id = fixture.job(WORKER, SUPERVISOR, "requireApproval", "true");
        logist.run(id, Observer.NOOP);
        logist.reject(id, "Use capitals.");

        StepPreview preview = logist.preview(id);

        assertThat(preview.role()).isEqualTo("worker");
        assertThat(preview.prompt()).contains("## Message from a person\n\nUse capitals.");
    }

    @Test
    void aJobThatTakesNoFurtherStepSaysWhyAndWhatIsAllowed() {
        JobId stuck = fixture.job(verdict("STUCK", "no idea"), SUPERVISOR);
        assertThat(logist.run(stuck, Observer.NOOP).status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThatThrownBy(() -> logist.preview(stuck)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("it is INTERVENTION_REQUIRED")
                .hasMessageContaining("worker is stuck: no idea")
                .hasMessageContaining("allowed from INTERVENTION_REQUIRED: resubmit");

        JobId done = fixture.job(WORKER, SUPERVISOR);
        logist.run(done, Observer.NOOP);
        assertThatThrownBy(() -> logist.preview(done)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("it is SUCCESS and it takes no more steps; allowed from SUCCESS: rerun, restep");
    }

    /** Every file under {@code directory} with its bytes, so that any change shows. */
    private static Map<Path, String> contents(Path directory) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.forEach(path -> files.put(directory.relativize(path), Files.isRegularFile(path) ? read(path) : "/"));
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Arrays.toString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
