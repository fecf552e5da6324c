package io.logist.agent.cline;

import com.fasterxml.jackson.databind.JsonNode;
import io.logist.Usage;
import io.logist.agent.support.JsonLines;
import io.logist.agent.support.PriceTable;
import io.logist.agent.support.StderrTail;
import io.logist.agent.support.ToolCalls;
import io.logist.spi.AgentError;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentSignal;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputInterpreter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code cline --json}: one JSON object a line. {@code agent_event} lines carry the model calls' usage
 * (with the run's running cost), tool calls, texts and errors; the last line, {@code run_result}, says how the
 * run finished and holds the final text. A failure is an {@code error} event or a {@code run_result} that did
 * not complete, whatever the exit code says.
 */
final class ClineOutputInterpreter implements OutputInterpreter {
    private static final Pattern PATCHED_FILE = Pattern.compile("(?m)^\\*\\*\\* (?:Add|Update|Delete) File: (.+)$");
    private static final List<String> TELLING_INPUTS = List.of("path", "file_path", "command", "query", "url");

    private final Optional<String> model;
    private final PriceTable prices;
    private final Path log;
    /** The lines of standard error that say something: not cline's SDK warnings and their traces. */
    private final StderrTail stderrTail = new StderrTail(line -> line.strip().startsWith("at ")
            || line.contains("AI SDK Warning"));
    private BigDecimal costSoFar = BigDecimal.ZERO;
    private boolean usageSeen;
    private String lastText = "";
    private Optional<String> finalText = Optional.empty();
    private Optional<AgentError> error = Optional.empty();

    /**
     * @param model  the configured model, for the price table
     * @param prices prices for models cline reports no cost for
     * @param log    cline's log of this step
     */
    ClineOutputInterpreter(Optional<String> model, PriceTable prices, Path log) {
        this.model = model;
        this.prices = prices;
        this.log = log;
    }

    @Override
    public List<AgentSignal> onLine(OutputChannel channel, String line) {
        Optional<JsonNode> parsed = JsonLines.parse(line);
        if (parsed.isEmpty()) {
            if (channel == OutputChannel.STDERR) {
                stderrTail.add(line);
            }
            return List.of();
        }
        JsonNode event = parsed.get();
        return switch (event.path("type").asText()) {
            case "agent_event" -> agentEvent(event.path("event"));
            case "run_result" -> runResult(event);
            // Both follow the failure they end with, when there was one; that failure says more.
            case "run_aborted" -> error.isPresent() ? List.of() : fail(Optional.empty(), "cline aborted the run: "
                    + event.path("message").asText(event.path("reason").asText()));
            case "error" -> error.isPresent() ? List.of() : fail(Optional.empty(), event.path("message").asText());
            default -> List.of();
        };
    }

    @Override
    public AgentOutcome finish(int exitCode) {
        Optional<AgentError> failure = error.or(() -> exitCode == 0 ? Optional.empty()
                : Optional.of(ClineFailures.classify(Optional.empty(),
                        stderrTail.appendedTo("cline exited with code " + exitCode), log)));
        return new AgentOutcome(finalText.orElse(lastText), failure);
    }

    private List<AgentSignal> agentEvent(JsonNode event) {
        String contentType = event.path("contentType").asText();
        return switch (event.path("type").asText()) {
            case "usage" -> {
                usageSeen = true;
                yield List.of(new AgentSignal.UsageDelta(usage(event.path("inputTokens").asLong(),
                        event.path("outputTokens").asLong(), event.path("totalCost"))));
            }
            case "content_start" -> contentType.equals("tool")
                    ? List.of(new AgentSignal.ToolCall(event.path("toolName").asText("tool"), detail(event.path("input"))))
                    : List.of();
            case "content_end" -> {
                if (!contentType.equals("text") || event.path("text").asText().isBlank()) {
                    yield List.of();
                }
                lastText = event.path("text").asText();
                yield List.of(new AgentSignal.Message(lastText));
            }
            case "error" -> fail(Optional.of(event.path("errorClass").asText()),
                    event.path("error").path("message").asText("cline reported an error"));
            default -> List.of();
        };
    }

    private List<AgentSignal> runResult(JsonNode result) {
        List<AgentSignal> signals = new ArrayList<>();
        JsonNode usage = result.path("usage");
        if (!usageSeen && (usage.path("inputTokens").asLong() > 0 || usage.path("outputTokens").asLong() > 0)) {
            signals.add(new AgentSignal.UsageDelta(usage(usage.path("inputTokens").asLong(),
                    usage.path("outputTokens").asLong(), usage.path("totalCost"))));
        }
        String finishReason = result.path("finishReason").asText();
        if (finishReason.equals("completed")) {
            finalText = Optional.of(result.path("text").asText(lastText));
        } else if (error.isEmpty()) {
            signals.addAll(fail(Optional.empty(), result.path("text").asText("cline finished: " + finishReason)));
        }
        return signals;
    }

    private List<AgentSignal> fail(Optional<String> errorClass, String message) {
        AgentError failure = ClineFailures.classify(errorClass, message, log);
        error = Optional.of(failure);
        return List.of(new AgentSignal.Failure(failure));
    }

    /**
     * One model call's tokens, with its share of the run's running cost; cline reports 0 for models it has no
     * prices for, and then the configured prices, if any, give the cost.
     */
    private Usage usage(long input, long output, JsonNode totalCost) {
        BigDecimal total = totalCost.isNumber() ? new BigDecimal(totalCost.asText()) : BigDecimal.ZERO;
        if (total.signum() > 0) {
            BigDecimal delta = total.subtract(costSoFar).max(BigDecimal.ZERO);
            costSoFar = costSoFar.max(total);
            return Usage.of(input, output, delta);
        }
        return new Usage(input, output, prices.cost(model, input, output));
    }

    /** What a tool call touches: the files of a patch, the commands of a shell call, else its main input. */
    private static String detail(JsonNode input) {
        if (input.path("input").isTextual()) {
            Matcher files = PATCHED_FILE.matcher(input.path("input").asText());
            List<String> names = new ArrayList<>();
            while (files.find()) {
                names.add(files.group(1).strip());
            }
            if (!names.isEmpty()) {
                return ToolCalls.shortened(String.join(", ", names));
            }
        }
        if (input.path("commands").isArray()) {
            List<String> commands = new ArrayList<>();
            input.path("commands").forEach(command -> commands.add(command.asText()));
            return ToolCalls.shortened(String.join("; ", commands));
        }
        return ToolCalls.detail(input, TELLING_INPUTS);
    }
}
