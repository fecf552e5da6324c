package io.logist.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The Anthropic Messages API: {@code POST /v1/messages}, JSON or server-sent events. */
final class AnthropicMessages implements ModelApi {

    @Override
    public ModelCall read(JsonNode body, String model, boolean streamRequested) {
        List<OfferedTool> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> tools.add(OfferedTool.function(tool.path("name").asText(),
                tool.path("input_schema"))));
        return ModelCall.of(body.path("model").asText(""), body.path("stream").asBoolean(false), tools, body);
    }

    @Override
    public JsonNode response(Completion completion) {
        ObjectNode message = message(completion, stopReason(completion.reply()));
        message.putArray("content").add(block(completion.reply()));
        message.set("usage", usage(completion.inputTokens(), completion.outputTokens()));
        return message;
    }

    @Override
    public List<SseEvent> events(Completion completion) {
        Reply reply = completion.reply();
        ObjectNode started = message(completion, null);
        started.putArray("content");
        started.set("usage", usage(completion.inputTokens(), 1));
        ObjectNode emptyBlock = block(reply);
        ObjectNode delta = Json.MAPPER.createObjectNode();
        if (reply instanceof Reply.ToolUse toolUse) {
            emptyBlock.putObject("input");
            delta.put("type", "input_json_delta").put("partial_json", toolUse.argumentsText());
        } else {
            emptyBlock.put("text", "");
            delta.put("type", "text_delta").put("text", ((Reply.Text) reply).text());
        }
        ObjectNode stop = Json.MAPPER.createObjectNode().put("type", "message_delta");
        stop.putObject("delta").put("stop_reason", stopReason(reply)).putNull("stop_sequence");
        stop.putObject("usage").put("output_tokens", completion.outputTokens());
        return List.of(
                messageStart(started),
                SseEvent.named("content_block_start", Json.MAPPER.createObjectNode()
                        .put("type", "content_block_start").put("index", 0).set("content_block", emptyBlock)),
                SseEvent.named("ping", Json.MAPPER.createObjectNode().put("type", "ping")),
                SseEvent.named("content_block_delta", Json.MAPPER.createObjectNode()
                        .put("type", "content_block_delta").put("index", 0).set("delta", delta)),
                SseEvent.named("content_block_stop", Json.MAPPER.createObjectNode()
                        .put("type", "content_block_stop").put("index", 0)),
                SseEvent.named("message_delta", stop),
                SseEvent.named("message_stop", Json.MAPPER.createObjectNode().put("type", "message_stop")));
    }

    @Override
    public List<SseEvent> stalledEvents(ModelCall call) {
        ObjectNode started = message(new Completion(call, new Reply.Text(""), 0), null);
        started.putArray("content");
        started.set("usage", usage(call.inputTokens(), 1));
        return List.of(messageStart(started));
    }

    @Override
    public JsonNode error(int status, String message) {
        String type = switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 400 -> "invalid_request_error";
            default -> "api_error";
        };
        ObjectNode error = Json.MAPPER.createObjectNode().put("type", "error");
        error.putObject("error").put("type", type).put("message", message);
        return error;
    }

    private static SseEvent messageStart(ObjectNode message) {
        return SseEvent.named("message_start", Json.MAPPER.createObjectNode().put("type", "message_start")
                .set("message", message));
    }

    private static ObjectNode message(Completion completion, String stopReason) {
        ObjectNode message = Json.MAPPER.createObjectNode()
                .put("id", completion.id("msg"))
                .put("type", "message")
                .put("role", "assistant")
                .put("model", completion.call().model());
        message.put("stop_reason", stopReason);
        message.putNull("stop_sequence");
        return message;
    }

    private static ObjectNode block(Reply reply) {
        if (reply instanceof Reply.ToolUse toolUse) {
            return Json.MAPPER.createObjectNode().put("type", "tool_use").put("id", toolUse.callId())
                    .put("name", toolUse.tool()).set("input", toolUse.arguments());
        }
        return Json.MAPPER.createObjectNode().put("type", "text").put("text", ((Reply.Text) reply).text());
    }

    private static String stopReason(Reply reply) {
        return reply instanceof Reply.ToolUse ? "tool_use" : "end_turn";
    }

    private static ObjectNode usage(long input, long output) {
        return Json.MAPPER.createObjectNode()
                .put("input_tokens", input)
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0)
                .put("output_tokens", output);
    }
}
