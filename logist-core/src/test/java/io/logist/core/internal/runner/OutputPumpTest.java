package io.logist.core.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.OutputChannel;
import io.logist.spi.OutputSink;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutputPumpTest {
    private static final long FAR = Duration.ofHours(1).toNanos();

    private final List<String> lines = new ArrayList<>();
    private final OutputSink sink = (channel, line) -> {
        synchronized (lines) {
            lines.add(channel + ":" + line);
        }
    };

    @Test
    void splitsOnNewlineOnlyAndDropsTheCarriageReturnBeforeIt() throws Exception {
        pump(bytes("a\r\nprogress\r50%\n\nlast"), bytes(""), Ticker.SYSTEM);

        assertThat(lines).containsExactly("STDOUT:a", "STDOUT:progress\r50%", "STDOUT:", "STDOUT:last");
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() throws Exception {
        byte[] invalid = {'o', 'k', ' ', (byte) 0xff, (byte) 0xc3, '\n'};

        pump(new ByteArrayInputStream(invalid), bytes(""), Ticker.SYSTEM);

        assertThat(lines).containsExactly("STDOUT:ok \uFFFD\uFFFD");
    }

    @Test
    void aCharacterSplitAcrossReadsStaysWhole() throws Exception {
        pump(oneByteAtATime("größe ✓\nnext\n"), bytes(""), Ticker.SYSTEM);

        assertThat(lines).containsExactly("STDOUT:größe ✓", "STDOUT:next");
    }

    @Test
    void eachStreamGoesToItsChannelInOrder() throws Exception {
        pump(bytes("o1\no2\n"), bytes("e1\ne2\n"), Ticker.SYSTEM);

        assertThat(lines).filteredOn(line -> line.startsWith("STDOUT:")).containsExactly("STDOUT:o1", "STDOUT:o2");
        assertThat(lines).filteredOn(line -> line.startsWith("STDERR:")).containsExactly("STDERR:e1", "STDERR:e2");
    }

    @Test
    void aFailingSinkDoesNotStopTheReading() throws Exception {
        List<String> seen = new ArrayList<>();
        OutputSink failingOnce = (channel, line) -> {
            seen.add(line);
            if (line.equals("first")) {
                throw new IllegalStateException("sink broke");
            }
        };

        OutputPump pump = OutputPump.start("test", bytes("first\nsecond\n"), bytes(""), failingOnce, Ticker.SYSTEM);

        assertThat(pump.awaitDrained(Ticker.SYSTEM.deadline(Duration.ofSeconds(10)))).isTrue();
        assertThat(seen).containsExactly("first", "second");
    }

    @Test
    void stopsWaitingForAStreamThatStaysOpenAndSilent() throws Exception {
        PipedOutputStream heldOpen = new PipedOutputStream();
        Ticker tenthOfASecondPerLook = steppingTicker(Duration.ofMillis(100));
        OutputPump pump = OutputPump.start("test", new PipedInputStream(heldOpen), bytes("done\n"), sink,
                tenthOfASecondPerLook);

        assertThat(pump.awaitDrained(tenthOfASecondPerLook.nanos() + FAR)).isTrue();
        assertThat(pump.awaitDrained(tenthOfASecondPerLook.nanos())).as("given up for good").isTrue();
        assertThat(lines).containsExactly("STDERR:done");
        heldOpen.close();
    }

    @Test
    void reportsTheCallersDeadlineBeforeTheSilenceLimit() throws Exception {
        PipedOutputStream heldOpen = new PipedOutputStream();
        Ticker hundredthOfASecondPerLook = steppingTicker(Duration.ofMillis(10));
        OutputPump pump = OutputPump.start("test", new PipedInputStream(heldOpen), bytes(""), sink,
                hundredthOfASecondPerLook);

        assertThat(pump.awaitDrained(hundredthOfASecondPerLook.nanos() + Duration.ofMillis(500).toNanos())).isFalse();
        heldOpen.write("late\n".getBytes(StandardCharsets.UTF_8));
        heldOpen.close();
        assertThat(pump.awaitDrained(hundredthOfASecondPerLook.nanos() + FAR)).isTrue();
        assertThat(lines).containsExactly("STDOUT:late");
    }

    private void pump(InputStream stdout, InputStream stderr, Ticker ticker) throws InterruptedException {
        OutputPump pump = OutputPump.start("test", stdout, stderr, sink, ticker);
        assertThat(pump.awaitDrained(ticker.deadline(Duration.ofSeconds(10)))).isTrue();
    }

    /** A ticker that moves on by {@code step} every time it is read, so waits end after a known number of looks. */
    private static Ticker steppingTicker(Duration step) {
        AtomicLong now = new AtomicLong();
        return () -> now.addAndGet(step.toNanos());
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream oneByteAtATime(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }
}
