package io.logist.agent.codex;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code codex exec --json}: one event a line, {@code thread.started} (the session),
 * {@code item.started}/{@code item.completed} (messages, commands, file changes), {@code turn.completed} (the
 * turn's usage), and on failure {@code error} events for each retry and a final {@code turn.failed}.
 *
 * <p>Codex never reports an HTTP status in a field, only in its messages, and reports a server error as a
 * sentence about high demand; the failure's kind is read from those words.
 */
final class CodexJsonInterpreter extends JsonLinesInterpreter {
    private static final Pattern STATUS = Pattern.compile("(?:status:?|status code:?)\\s*(\\d{3})\\b");
    private static final Pattern AUTHENTICATION = Pattern.compile(
            "(?i)unauthorized|forbidden|invalid api key|incorrect api key|authentication|missing environment variable");
    private static final Pattern RATE_LIMIT = Pattern.compile("(?i)rate limit|too many requests|usage limit|quota");
    private static final Pattern SERVER = Pattern.compile(
            "(?i)high demand|internal server error|server_error|overloaded|service unavailable|bad gateway");
    private static final Pattern CONTEXT_OVERFLOW = Pattern.compile(
            "(?i)context window|context_length_exceeded|maximum context length");
    private static final Pattern NETWORK = Pattern.compile(
            "(?i)stream disconnected|idle timeout|error sending request|connection (refused|reset|closed)|timed out|dns");

    private final Optional<String> model;
    private final PriceTable prices;
    private final Set<String> announcedItems = new HashSet<>();
    private Optional<String> lastMessage = Optional.empty();
    private Optional<String> lastError = Optional.empty();
    private Optional<AgentError> failure = Optional.empty();
    private boolean completed;

    CodexJsonInterpreter(Optional<String> model, PriceTable prices) {
        super(new StderrTail());
        this.model = model;
        this.prices = prices;
    }

    @Override
    protected List<AgentSignal> onEvent(JsonNode event) {
        return switch (event.path("type").asText()) {
            case "thread.started" -> event.path("thread_id").isTextual()
                    ? List.of(new AgentSignal.Session(event.path("thread_id").asText())) : List.of();
            case "item.started" -> item(event.path("item"), false);
            case "item.completed" -> item(event.path("item"), true);
            case "turn.completed" -> turnCompleted(event.path("usage"));
            case "error" -> {
                lastError = Optional.of(event.path("message").asText());
                yield List.of(new AgentSignal.Message("codex: " + lastError.get()));
            }
            case "turn.failed" -> {
                failure = Optional.of(classify(event.path("error").path("message")
                        .asText(lastError.orElse("the turn failed"))));
                yield List.of(new AgentSignal.Failure(failure.get()));
            }
            default -> List.of();
        };
    }

    @Override
    public AgentOutcome finish(int exitCode) {
        String finalMessage = lastMessage.orElse("");
        if (failure.isPresent()) {
            return new AgentOutcome(finalMessage, failure);
        }
        if (exitCode != 0 || !completed) {
            String exited = "codex exited with code " + exitCode + (completed ? "" : " without completing its turn");
            return new AgentOutcome(finalMessage, Optional.of(new AgentError(AgentError.Kind.OTHER,
                    lastError.map(error -> exited + ": " + error).orElseGet(() -> stderrTail().appendedTo(exited)))));
        }
        return new AgentOutcome(finalMessage, Optional.empty());
    }

    private List<AgentSignal> item(JsonNode item, boolean completedItem) {
        String type = item.path("type").asText();
        if (type.equals("agent_message")) {
            if (!completedItem) {
                return List.of();
            }
            lastMessage = Optional.of(item.path("text").asText());
            return List.of(new AgentSignal.Message(lastMessage.get()));
        }
        if (type.equals("error")) {
            return completedItem ? List.of(new AgentSignal.Message("codex: " + item.path("message").asText()))
                    : List.of();
        }
        // A tool call shows when it starts; one that only shows completed is reported then.
        if (!announcedItems.add(item.path("id").asText())) {
            return List.of();
        }
        return switch (type) {
            case "command_execution" -> List.of(new AgentSignal.ToolCall("shell",
                    ToolCalls.shortened(item.path("command").asText())));
            case "file_change" -> List.of(new AgentSignal.ToolCall("apply_patch", changes(item.path("changes"))));
            case "mcp_tool_call" -> List.of(new AgentSignal.ToolCall(
                    item.path("server").asText("mcp") + "." + item.path("tool").asText("?"),
                    ToolCalls.shortened(item.path("arguments").toString())));
            case "web_search" -> List.of(new AgentSignal.ToolCall("web_search",
                    ToolCalls.shortened(item.path("query").asText())));
            default -> List.of();
        };
    }

    private List<AgentSignal> turnCompleted(JsonNode usage) {
        completed = true;
        long input = usage.path("input_tokens").asLong(0);
        long output = usage.path("output_tokens").asLong(0);
        return List.of(new AgentSignal.UsageDelta(new Usage(input, output,
                prices.cost(model, input, output))));
    }

    /** The kind of failure, from the HTTP status codex names, else from its words. */
    static AgentError classify(String message) {
        Matcher status = STATUS.matcher(message);
        int code = status.find() ? Integer.parseInt(status.group(1)) : 0;
        AgentError.Kind kind = FailureKinds.ofHttpStatus(code);
        if (kind != AgentError.Kind.OTHER) {
            return new AgentError(kind, message);
        }
        if (code == 0 && AUTHENTICATION.matcher(message).find()) {
            kind = AgentError.Kind.AUTHENTICATION;
        } else if (code == 0 && RATE_LIMIT.matcher(message).find()) {
            kind = AgentError.Kind.RATE_LIMIT;
        } else if (code == 0 && SERVER.matcher(message).find()) {
            kind = AgentError.Kind.SERVER;
        } else if (CONTEXT_OVERFLOW.matcher(message).find()) {
            kind = AgentError.Kind.CONTEXT_OVERFLOW;
        } else if (code == 0 && NETWORK.matcher(message).find()) {
            kind = AgentError.Kind.NETWORK;
        }
        return new AgentError(kind, message);
    }

    private static String changes(JsonNode changes) {
        List<String> described = new ArrayList<>();
        changes.forEach(change -> described.add(change.path("kind").asText("change") + " "
                + change.path("path").asText("?")));
        return ToolCalls.shortened(String.join(", ", described));
    }
}
