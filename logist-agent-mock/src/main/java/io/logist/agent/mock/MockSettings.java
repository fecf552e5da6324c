package io.logist.agent.mock;

import io.logist.agent.support.OptionReader;
import io.logist.spi.OptionSpec;
import io.logist.spi.OptionSpec.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated {@code agents.mock.*} options of one step.
 *
 * @param scenario     what the mock does
 * @param seconds      how long the slow scenario works
 * @param inputTokens  input tokens per usage report
 * @param outputTokens output tokens per usage report
 * @param costUsd      cost per usage report
 * @param usageReports how many usage reports the step prints
 * @param verdictTo    {@code message} or {@code file}
 * @param file         the workspace file the mock edits
 */
record MockSettings(MockScenario scenario, long seconds, long inputTokens, long outputTokens, BigDecimal costUsd,
                    long usageReports, String verdictTo, String file) {

    private static final String SCENARIO = "scenario";
    private static final String SECONDS = "seconds";
    private static final String INPUT_TOKENS = "inputTokens";
    private static final String OUTPUT_TOKENS = "outputTokens";
    private static final String COST_USD = "costUsd";
    private static final String USAGE_REPORTS = "usageReports";
    private static final String VERDICT_TO = "verdictTo";
    private static final String FILE = "file";

    private static final List<String> VERDICT_TARGETS = List.of("message", "file");
    private static final String DEFAULT_FILE = "mock-work.txt";
    private static final Pattern PATH_SEPARATOR = Pattern.compile("[/\\\\]");

    /** The options, for validating configuration before a job runs. */
    static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.oneOf(SCENARIO, "what the mock agent does in each step (default success)",
                    MockScenario.ids()),
            OptionSpec.of(SECONDS, Type.INTEGER, "how many seconds the slow scenario works (default 5)"),
            OptionSpec.of(INPUT_TOKENS, Type.INTEGER, "input tokens in each usage report (default 1200)"),
            OptionSpec.of(OUTPUT_TOKENS, Type.INTEGER, "output tokens in each usage report (default 300)"),
            OptionSpec.of(COST_USD, Type.DECIMAL, "cost in US dollars of each usage report (default 0.0125)"),
            OptionSpec.of(USAGE_REPORTS, Type.INTEGER, "how many usage reports a step prints (default 1)"),
            OptionSpec.oneOf(VERDICT_TO, "where the verdict goes: a fenced json block in the message, or"
                    + " .logist/verdict.json (default message)", VERDICT_TARGETS),
            OptionSpec.of(FILE, Type.STRING, "the workspace file the mock edits (default mock-work.txt)"));

    /**
     * Reads and validates the options; absent ones take their defaults.
     *
     * @throws io.logist.BadInputException naming every invalid {@code agents.mock.<option>} and what it allows
     */
    static MockSettings from(Map<String, Object> options) {
        return OptionReader.read(MockAgentProvider.ID, options, reader -> new MockSettings(
                MockScenario.byId(reader.oneOf(SCENARIO, MockScenario.ids(), MockScenario.SUCCESS.id())).orElseThrow(),
                reader.wholeNumber(SECONDS, 0).orElse(5),
                reader.wholeNumber(INPUT_TOKENS, 0).orElse(1200),
                reader.wholeNumber(OUTPUT_TOKENS, 0).orElse(300),
                reader.decimal(COST_USD, BigDecimal.ZERO).orElse(new BigDecimal("0.0125")),
                reader.wholeNumber(USAGE_REPORTS, 0).orElse(1),
                reader.oneOf(VERDICT_TO, VERDICT_TARGETS, "message"),
                reader.value(FILE, MockSettings::insideTheWorkspace,
                        "a relative path inside the workspace, such as " + DEFAULT_FILE).orElse(DEFAULT_FILE)));
    }

    private static Optional<String> insideTheWorkspace(Object value) {
        return value instanceof String path
                && !path.isBlank()
                && !path.startsWith("/") && !path.startsWith("\\")
                && path.chars().noneMatch(c -> c == '\n' || c == '\r' || c == 0)
                && PATH_SEPARATOR.splitAsStream(path).noneMatch(".."::equals)
                ? Optional.of(path) : Optional.empty();
    }

    /** The variables that tell the script what to do. */
    Map<String, String> environment(String role, int step) {
        return Map.of(
                "MOCK_SCENARIO", scenario.id(),
                "MOCK_ROLE", role,
                "MOCK_STEP", Integer.toString(step),
                "MOCK_SECONDS", Long.toString(seconds),
                "MOCK_INPUT_TOKENS", Long.toString(inputTokens),
                "MOCK_OUTPUT_TOKENS", Long.toString(outputTokens),
                "MOCK_COST_USD", costUsd.toPlainString(),
                "MOCK_USAGE_REPORTS", Long.toString(usageReports),
                "MOCK_VERDICT_TO", verdictTo,
                "MOCK_FILE", file);
    }
}
