package io.logist.agent.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.logist.Usage;
import io.logist.agent.support.JsonLinesInterpreter;
import io.logist.agent.support.PriceTable;
import io.logist.agent.support.StderrTail;
import io.logist.agent.support.ToolCalls;
import io.logist.spi.AgentError;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentSignal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code gemini -o stream-json}: one JSON event a line ({@code init}, {@code message}, {@code tool_use},
 * {@code tool_result}, {@code error}, {@code result}). Assistant messages arrive as deltas and are reported
 * whole, once the turn ends with a tool call or the result; the final message is the text of the last turn.
 * The CLI reports tokens once, in the result, and no cost; the cost comes from the configured prices.
 */
final class GeminiOutputInterpreter extends JsonLinesInterpreter {
    /** The tool parameters that say best what a call does, in the order they are looked for. */
    private static final List<String> TELLING_PARAMETERS =
            List.of("file_path", "absolute_path", "dir_path", "path", "command", "pattern", "url", "query");

    private final PriceTable prices;
    private final StringBuilder turn = new StringBuilder();
    private Optional<AgentError> error = Optional.empty();

    GeminiOutputInterpreter(PriceTable prices) {
        // Why the CLI died, without its stack traces.
        super(new StderrTail(line -> line.startsWith("    at ")));
        this.prices = prices;
    }

    @Override
    protected List<AgentSignal> onText(String line) {
        return List.of();
    }

    @Override
    protected List<AgentSignal> onEvent(JsonNode event) {
        return switch (event.path("type").asText()) {
            case "init" -> text(event, "session_id").<List<AgentSignal>>map(id -> List.of(new AgentSignal.Session(id)))
                    .orElse(List.of());
            case "message" -> {
                if ("assistant".equals(event.path("role").asText())) {
                    turn.append(event.path("content").asText());
                }
                yield List.of();
            }
            case "tool_use" -> {
                List<AgentSignal> signals = new ArrayList<>(endTurn());
                turn.setLength(0);
                signals.add(new AgentSignal.ToolCall(event.path("tool_name").asText("tool"),
                        ToolCalls.detail(event.path("parameters"), TELLING_PARAMETERS)));
                yield signals;
            }
            case "error" -> {
                if (!"error".equals(event.path("severity").asText())) {
                    yield List.of();
                }
                AgentError failure = GeminiFailures.classify(event.path("message").asText());
                error = Optional.of(failure);
                yield List.of(new AgentSignal.Failure(failure));
            }
            case "result" -> result(event);
            default -> List.of();
        };
    }

    @Override
    public AgentOutcome finish(int exitCode) {
        Optional<AgentError> failure = error.or(() -> exitCode == 0 ? Optional.empty()
                : Optional.of(GeminiFailures.byExitCode(exitCode, stderrTail())));
        return new AgentOutcome(turn.toString(), failure);
    }

    private List<AgentSignal> result(JsonNode event) {
        List<AgentSignal> signals = new ArrayList<>(endTurn());
        usage(event.path("stats")).ifPresent(usage -> signals.add(new AgentSignal.UsageDelta(usage)));
        if ("error".equals(event.path("status").asText())) {
            AgentError failure = GeminiFailures.classify(event.path("error").path("message").asText("gemini failed"));
            error = Optional.of(failure);
            signals.add(new AgentSignal.Failure(failure));
        }
        return signals;
    }

    private List<AgentSignal> endTurn() {
        return turn.toString().isBlank() ? List.of() : List.of(new AgentSignal.Message(turn.toString()));
    }

    /** The step's tokens, priced when every model that used tokens has a configured price. */
    private Optional<Usage> usage(JsonNode stats) {
        long input = stats.path("input_tokens").asLong();
        long output = stats.path("output_tokens").asLong();
        if (input <= 0 && output <= 0) {
            return Optional.empty();
        }
        List<Optional<BigDecimal>> costs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> models = stats.path("models").fields(); models.hasNext(); ) {
            Map.Entry<String, JsonNode> model = models.next();
            long modelInput = model.getValue().path("input_tokens").asLong();
            long modelOutput = model.getValue().path("output_tokens").asLong();
            if (modelInput > 0 || modelOutput > 0) {
                costs.add(prices.cost(model.getKey(), modelInput, modelOutput));
            }
        }
        Optional<BigDecimal> cost = costs.isEmpty() || costs.stream().anyMatch(Optional::isEmpty) ? Optional.empty()
                : Optional.of(costs.stream().map(Optional::orElseThrow).reduce(BigDecimal.ZERO, BigDecimal::add));
        return Optional.of(new Usage(input, output, cost));
    }

    private static Optional<String> text(JsonNode event, String field) {
        return Optional.of(event.path(field)).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(value -> !value.isBlank());
    }
}
