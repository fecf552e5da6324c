package io.logist.testkit;

import io.logist.spi.AgentSignal;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputInterpreter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Output an agent's CLI printed, recorded from real runs (or assembled from its documentation) and kept as test
 * resources, for testing an {@link OutputInterpreter}: fed to it line by line, as a step feeds it.
 *
 * <pre>{@code
 * private static final Recordings RECORDED = Recordings.in(MyInterpreterTest.class, "recorded");
 *
 * List<AgentSignal> signals = RECORDED.feed(interpreter, OutputChannel.STDOUT, "success.jsonl");
 * }</pre>
 */
public final class Recordings {
    private final Class<?> anchor;
    private final String prefix;

    private Recordings(Class<?> anchor, String prefix) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.prefix = prefix;
    }

    /** The recordings that are resources in the package of {@code anchor}, such as a test class. */
    public static Recordings in(Class<?> anchor) {
        return new Recordings(anchor, "");
    }

    /** The recordings in {@code directory}, a resource directory in the package of {@code anchor}. */
    public static Recordings in(Class<?> anchor, String directory) {
        return new Recordings(anchor, directory + "/");
    }

    /**
     * The recording's lines.
     *
     * @throws IllegalArgumentException when there is no such recording
     */
    public List<String> lines(String name) {
        try (InputStream in = anchor.getResourceAsStream(prefix + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + prefix + name + " next to " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the recording to a file, for code that reads files, such as a CLI's log. */
    public Path copy(String name, Path file) {
        try {
            return Files.write(file, lines(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every signal the interpreter returned for the recording's lines on this channel, in order. */
    public List<AgentSignal> feed(OutputInterpreter interpreter, OutputChannel channel, String name) {
        List<AgentSignal> signals = new ArrayList<>();
        for (String line : lines(name)) {
            signals.addAll(interpreter.onLine(channel, line));
        }
        return signals;
    }
}
