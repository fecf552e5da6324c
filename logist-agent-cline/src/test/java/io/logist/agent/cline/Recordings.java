package io.logist.agent.cline;

import io.logist.spi.AgentSignal;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputInterpreter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The CLI output recorded under {@code recorded/} (see its README), fed to an interpreter line by line. */
final class Recordings {
    private Recordings() {
    }

    static List<String> lines(String name) {
        try (InputStream in = Recordings.class.getResourceAsStream("recorded/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a recording to a file, for code that reads files. */
    static java.nio.file.Path copy(String name, java.nio.file.Path file) {
        try {
            return java.nio.file.Files.write(file, lines(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every signal the interpreter returned for the recording's lines, in order. */
    static List<AgentSignal> feed(OutputInterpreter interpreter, OutputChannel channel, String name) {
        List<AgentSignal> signals = new ArrayList<>();
        for (String line : lines(name)) {
            signals.addAll(interpreter.onLine(channel, line));
        }
        return signals;
    }
}
