package io.logist.agent.claude;

import com.fasterxml.jackson.databind.JsonNode;
import io.logist.Usage;
import io.logist.agent.support.FailureKinds;
import io.logist.agent.support.JsonLinesInterpreter;
import io.logist.agent.support.PriceTable;
import io.logist.agent.support.StderrTail;
import io.logist.agent.support.ToolCalls;
import io.logist.spi.AgentError;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentSignal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code claude -p --output-format stream-json --verbose}: one JSON object a line, of type {@code system}
 * (the session, API retries), {@code assistant} (text, tool calls, the usage of one model turn), {@code user}
 * (tool results) and, last, {@code result} (the final text, the totals, the cost, and whether it failed).
 *
 * <p>Each assistant turn's usage is reported as it arrives; the {@code result} line's totals then add only
 * what the turns did not report, so nothing is counted twice. Claude reports its cost only in the totals.
 */
final class ClaudeStreamInterpreter extends JsonLinesInterpreter {
    /** Claude's own error messages for requests that never got an HTTP answer. */
    private static final Pattern NETWORK_ERROR = Pattern.compile(
            "(?i)request timed out|connection error|ECONNREFUSED|ECONNRESET|fetch failed|socket hang up|network");
    private static final Pattern CONTEXT_OVERFLOW = Pattern.compile(
            "(?i)prompt is too long|context (window|length)|too many tokens");
    private static final String SYNTHETIC_MODEL = "<synthetic>";
    /** The tool inputs that say best what a call does, in the order they are looked for. */
    private static final List<String> TELLING_INPUTS = List.of("file_path", "notebook_path", "path", "command",
            "pattern", "url", "query", "description");
    private static final int COST_DECIMALS = 10;

    private final PriceTable prices;
    private final Set<String> countedMessages = new HashSet<>();
    private Usage reported = Usage.NONE;
    private Optional<String> lastText = Optional.empty();
    private Optional<JsonNode> result = Optional.empty();

    ClaudeStreamInterpreter(PriceTable prices) {
        super(new StderrTail());
        this.prices = prices;
    }

    @Override
    protected List<AgentSignal> onEvent(JsonNode event) {
        return switch (event.path("type").asText()) {
            case "system" -> system(event);
            case "assistant" -> assistant(event.path("message"));
            case "result" -> result(event);
            default -> List.of();
        };
    }

    @Override
    public AgentOutcome finish(int exitCode) {
        if (result.isEmpty()) {
            return new AgentOutcome(lastText.orElse(""), Optional.of(new AgentError(AgentError.Kind.OTHER,
                    stderrTail().appendedTo("claude exited with code " + exitCode + " without its result line"))));
        }
        JsonNode end = result.get();
        String text = end.path("result").isTextual() ? end.path("result").asText() : lastText.orElse("");
        if (end.path("is_error").asBoolean(false)) {
            return new AgentOutcome(text, Optional.of(error(end)));
        }
        if (exitCode != 0) {
            return new AgentOutcome(text, Optional.of(new AgentError(AgentError.Kind.OTHER,
                    "claude reported success but exited with code " + exitCode)));
        }
        return new AgentOutcome(text, Optional.empty());
    }

    private List<AgentSignal> system(JsonNode event) {
        String subtype = event.path("subtype").asText();
        if (subtype.equals("init") && event.path("session_id").isTextual()) {
            return List.of(new AgentSignal.Session(event.path("session_id").asText()));
        }
        if (subtype.equals("api_retry")) {
            return List.of(new AgentSignal.Message("claude retries a failed API request (attempt "
                    + event.path("attempt").asText("?") + " of " + event.path("max_retries").asText("?")
                    + ", status " + event.path("error_status").asText("none") + ": "
                    + event.path("error").asText("unknown error") + ")"));
        }
        return List.of();
    }

    private List<AgentSignal> assistant(JsonNode message) {
        List<AgentSignal> signals = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> {
                    String text = block.path("text").asText();
                    lastText = Optional.of(text);
                    signals.add(new AgentSignal.Message(text));
                }
                case "tool_use" -> signals.add(new AgentSignal.ToolCall(block.path("name").asText("?"),
                        ToolCalls.detail(block.path("input"), TELLING_INPUTS)));
                default -> { }
            }
        }
        // A message with several content blocks comes as several lines with the same id and the same usage.
        String model = message.path("model").asText("");
        if (!model.equals(SYNTHETIC_MODEL) && message.has("usage") && countedMessages.add(message.path("id").asText())) {
            JsonNode usage = message.path("usage");
            long input = inputTokens(usage);
            long output = usage.path("output_tokens").asLong(0);
            Usage turn = new Usage(input, output, prices.cost(model, input, output));
            reported = reported.plus(turn);
            signals.add(new AgentSignal.UsageDelta(turn));
        }
        return signals;
    }

    private List<AgentSignal> result(JsonNode event) {
        result = Optional.of(event);
        List<AgentSignal> signals = new ArrayList<>();
        JsonNode usage = event.path("usage");
        long input = Math.max(0, inputTokens(usage) - reported.inputTokens());
        long output = Math.max(0, usage.path("output_tokens").asLong(0) - reported.outputTokens());
        Optional<BigDecimal> cost = event.path("total_cost_usd").isNumber()
                ? Optional.of(dollars(event.path("total_cost_usd"))
                        .subtract(reported.costUsd().orElse(BigDecimal.ZERO)).max(BigDecimal.ZERO))
                : Optional.empty();
        if (input > 0 || output > 0 || cost.isPresent()) {
            Usage rest = new Usage(input, output, cost);
            reported = reported.plus(rest);
            signals.add(new AgentSignal.UsageDelta(rest));
        }
        if (event.path("is_error").asBoolean(false)) {
            signals.add(new AgentSignal.Failure(error(event)));
        }
        return signals;
    }

    /** The kind of failure, from the HTTP status claude reports, else from its words. */
    private static AgentError error(JsonNode result) {
        List<String> errors = new ArrayList<>();
        result.path("errors").forEach(error -> errors.add(error.asText()));
        String message = result.path("result").isTextual() && !result.path("result").asText().isBlank()
                ? result.path("result").asText()
                : errors.isEmpty() ? "claude failed: " + result.path("subtype").asText("unknown error")
                : String.join("; ", errors);
        int status = result.path("api_error_status").asInt(0);
        AgentError.Kind kind = FailureKinds.ofHttpStatus(status);
        if (kind != AgentError.Kind.OTHER) {
            return new AgentError(kind, message);
        }
        if (CONTEXT_OVERFLOW.matcher(message).find()) {
            kind = AgentError.Kind.CONTEXT_OVERFLOW;
        } else if (status == 0 && NETWORK_ERROR.matcher(message).find()) {
            kind = AgentError.Kind.NETWORK;
        }
        return new AgentError(kind, message);
    }

    /**
     * Claude adds its costs up in floating point and prints sums such as {@code 0.08864699999999999}; token
     * prices are whole multiples of far less than a millionth of a cent, so this precision loses nothing real.
     */
    private static BigDecimal dollars(JsonNode cost) {
        return cost.decimalValue().setScale(COST_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** Every token sent to the model, cached or not. */
    private static long inputTokens(JsonNode usage) {
        return usage.path("input_tokens").asLong(0) + usage.path("cache_creation_input_tokens").asLong(0)
                + usage.path("cache_read_input_tokens").asLong(0);
    }
}
