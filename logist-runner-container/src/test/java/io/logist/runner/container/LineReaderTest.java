package io.logist.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.OutputChannel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private final List<String> lines = new ArrayList<>();

    private LineReader read(String text, long skip, boolean lastLineIsFinal) {
        LineReader reader = new LineReader(OutputChannel.STDERR, new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)), (channel, line) -> lines.add(channel + ":" + line), skip,
                lastLineIsFinal);
        reader.run();
        return reader;
    }

    @Test
    void linesAreSplitOnNewlinesAndLoseATrailingCarriageReturn() {
        LineReader reader = read("one\r\ntwo\rstill two\n\nlast", 0, true);

        assertThat(lines).containsExactly("STDERR:one", "STDERR:two\rstill two", "STDERR:", "STDERR:last");
        assertThat(reader.lines()).as("complete lines").isEqualTo(3);
    }

    @Test
    void aReadingThatMayBeCutShortKeepsItsLastLineBack() {
        LineReader reader = read("one\npart", 0, false);

        assertThat(lines).containsExactly("STDERR:one");
        assertThat(reader.lines()).isEqualTo(1);
    }

    @Test
    void theLinesDeliveredBeforeAreSkippedAndTheRestDelivered() {
        read("one\ntwo\nthree\nfour without newline", 2, true);

        assertThat(lines).containsExactly("STDERR:three", "STDERR:four without newline");
    }

    @Test
    void aFailingSinkLosesItsLineButNotTheOthers() {
        List<String> kept = new ArrayList<>();
        new LineReader(OutputChannel.STDOUT, new ByteArrayInputStream("bad\ngood\n".getBytes(StandardCharsets.UTF_8)),
                (channel, line) -> {
                    if (line.equals("bad")) {
                        throw new IllegalStateException("sink broke");
                    }
                    kept.add(line);
                }, 0, true).run();

        assertThat(kept).containsExactly("good");
    }
}
