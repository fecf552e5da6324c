package io.logist.agent.mock;

import io.logist.Usage;
import io.logist.agent.support.CliOutputInterpreter;
import io.logist.agent.support.StderrTail;
import io.logist.spi.AgentError;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentSignal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the mock script's output: {@code [mock-usage]} and {@code [mock-session]} lines are its protocol,
 * every other standard output line is what it said.
 */
final class MockOutputInterpreter extends CliOutputInterpreter {
    private static final Pattern USAGE = Pattern.compile(
            "\\[mock-usage] input_tokens=(\\d{1,18}) output_tokens=(\\d{1,18}) cost_usd=(\\d{1,18}(?:\\.\\d+)?)");
    private static final Pattern SESSION = Pattern.compile("\\[mock-session] (\\S+)");

    private final List<String> said = new ArrayList<>();

    MockOutputInterpreter() {
        super(new StderrTail());
    }

    @Override
    protected List<AgentSignal> onStdout(String line) {
        Matcher usage = USAGE.matcher(line);
        if (usage.matches()) {
            return List.of(new AgentSignal.UsageDelta(Usage.of(Long.parseLong(usage.group(1)),
                    Long.parseLong(usage.group(2)), new BigDecimal(usage.group(3)))));
        }
        Matcher session = SESSION.matcher(line);
        if (session.matches()) {
            return List.of(new AgentSignal.Session(session.group(1)));
        }
        said.add(line);
        return line.isBlank() ? List.of() : List.of(new AgentSignal.Message(line));
    }

    @Override
    public AgentOutcome finish(int exitCode) {
        String stderr = stderrTail().text();
        Optional<AgentError> error = exitCode == 0 ? Optional.empty()
                : Optional.of(new AgentError(AgentError.Kind.OTHER, stderr.isEmpty()
                        ? "the mock agent exited with code " + exitCode + " and wrote nothing to standard error"
                        : stderr));
        return new AgentOutcome(String.join("\n", said), error);
    }
}
