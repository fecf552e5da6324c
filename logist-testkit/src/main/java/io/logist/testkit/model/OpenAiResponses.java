package io.logist.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The OpenAI Responses API: {@code POST /v1/responses}, JSON or server-sent events. */
final class OpenAiResponses implements ModelApi {

    @Override
    public ModelCall read(JsonNode body, String model, boolean streamRequested) {
        List<OfferedTool> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> {
            // Built-in tools such as web_search have a type and no name.
            String name = tool.path("name").asText(tool.path("type").asText());
            tools.add("custom".equals(tool.path("type").asText()) ? OfferedTool.freeform(name)
                    : OfferedTool.function(name, tool.path("parameters")));
        });
        return ModelCall.of(body.path("model").asText(""), body.path("stream").asBoolean(false), tools, body);
    }

    @Override
    public JsonNode response(Completion completion) {
        ObjectNode response = response(completion, "completed");
        response.putArray("output").add(item(completion, "completed"));
        ObjectNode usage = response.putObject("usage")
                .put("input_tokens", completion.inputTokens())
                .put("output_tokens", completion.outputTokens())
                .put("total_tokens", completion.inputTokens() + completion.outputTokens());
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        return response;
    }

    @Override
    public List<SseEvent> events(Completion completion) {
        Sequence events = new Sequence();
        ObjectNode started = response(completion, "in_progress");
        started.putArray("output");
        events.add("response.created", Json.MAPPER.createObjectNode().set("response", started));
        events.add("response.in_progress", Json.MAPPER.createObjectNode().set("response", started));
        ObjectNode done = item(completion, "completed");
        String itemId = done.path("id").asText();
        events.add("response.output_item.added", outputIndex().set("item", item(completion, "in_progress")));
        Reply reply = completion.reply();
        if (reply instanceof Reply.Text text) {
            ObjectNode emptyPart = Json.MAPPER.createObjectNode().put("type", "output_text").put("text", "");
            emptyPart.putArray("annotations");
            events.add("response.content_part.added", content(itemId).set("part", emptyPart));
            events.add("response.output_text.delta", content(itemId).put("delta", text.text()));
            events.add("response.output_text.done", content(itemId).put("text", text.text()));
            events.add("response.content_part.done", content(itemId).set("part", done.path("content").path(0)));
        } else if (((Reply.ToolUse) reply).input().isTextual()) {
            String input = ((Reply.ToolUse) reply).input().asText();
            events.add("response.custom_tool_call_input.delta", outputIndex().put("item_id", itemId).put("delta", input));
            events.add("response.custom_tool_call_input.done", outputIndex().put("item_id", itemId).put("input", input));
        } else {
            String arguments = ((Reply.ToolUse) reply).argumentsText();
            events.add("response.function_call_arguments.delta", outputIndex().put("item_id", itemId).put("delta", arguments));
            events.add("response.function_call_arguments.done", outputIndex().put("item_id", itemId).put("arguments", arguments));
        }
        events.add("response.output_item.done", outputIndex().set("item", done));
        events.add("response.completed", Json.MAPPER.createObjectNode().set("response", response(completion)));
        return events.list();
    }

    @Override
    public List<SseEvent> stalledEvents(ModelCall call) {
        ObjectNode started = response(new Completion(call, new Reply.Text(""), 0), "in_progress");
        started.putArray("output");
        Sequence events = new Sequence();
        events.add("response.created", Json.MAPPER.createObjectNode().set("response", started));
        return events.list();
    }

    @Override
    public JsonNode error(int status, String message) {
        String type = switch (status) {
            case 401, 403 -> "invalid_request_error";
            case 429 -> "rate_limit_exceeded";
            case 400, 404 -> "invalid_request_error";
            default -> "server_error";
        };
        ObjectNode error = Json.MAPPER.createObjectNode();
        ObjectNode details = error.putObject("error").put("message", message).put("type", type);
        details.putNull("param");
        details.put("code", status == 401 ? "invalid_api_key" : type);
        return error;
    }

    private static ObjectNode response(Completion completion, String status) {
        ObjectNode response = Json.MAPPER.createObjectNode()
                .put("id", completion.id("resp"))
                .put("object", "response")
                .put("created_at", System.currentTimeMillis() / 1000)
                .put("status", status)
                .put("model", completion.call().model());
        response.putNull("error");
        response.putNull("incomplete_details");
        return response;
    }

    private static ObjectNode item(Completion completion, String status) {
        Reply reply = completion.reply();
        if (reply instanceof Reply.Text text) {
            ObjectNode message = Json.MAPPER.createObjectNode().put("type", "message").put("id", completion.id("msg"))
                    .put("status", status).put("role", "assistant");
            if (status.equals("completed")) {
                ObjectNode part = message.putArray("content").addObject().put("type", "output_text")
                        .put("text", text.text());
                part.putArray("annotations");
            } else {
                message.putArray("content");
            }
            return message;
        }
        Reply.ToolUse toolUse = (Reply.ToolUse) reply;
        boolean complete = status.equals("completed");
        if (toolUse.input().isTextual()) {
            return Json.MAPPER.createObjectNode().put("type", "custom_tool_call").put("id", completion.id("ctc"))
                    .put("status", status).put("call_id", toolUse.callId()).put("name", toolUse.tool())
                    .put("input", complete ? toolUse.input().asText() : "");
        }
        return Json.MAPPER.createObjectNode().put("type", "function_call").put("id", completion.id("fc"))
                .put("status", status).put("call_id", toolUse.callId()).put("name", toolUse.tool())
                .put("arguments", complete ? toolUse.argumentsText() : "");
    }

    private static ObjectNode outputIndex() {
        return Json.MAPPER.createObjectNode().put("output_index", 0);
    }

    private static ObjectNode content(String itemId) {
        return outputIndex().put("item_id", itemId).put("content_index", 0);
    }

    /** Events numbered in order, as the API numbers them. */
    private static final class Sequence {
        private final List<SseEvent> events = new ArrayList<>();

        void add(String type, ObjectNode data) {
            ObjectNode event = Json.MAPPER.createObjectNode().put("type", type).put("sequence_number", events.size());
            event.setAll(data);
            events.add(SseEvent.named(type, event));
        }

        List<SseEvent> list() {
            return List.copyOf(events);
        }
    }
}
