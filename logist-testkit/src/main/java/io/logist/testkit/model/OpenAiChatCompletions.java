package io.logist.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The OpenAI Chat Completions API: {@code POST /v1/chat/completions}, JSON or server-sent events. */
final class OpenAiChatCompletions implements ModelApi {
    /** Both OpenAI APIs answer errors alike. */
    private static final ModelApi SAME_ERRORS = new OpenAiResponses();

    @Override
    public ModelCall read(JsonNode body, String model, boolean streamRequested) {
        List<OfferedTool> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> tools.add(OfferedTool.function(tool.path("function").path("name").asText(),
                tool.path("function").path("parameters"))));
        return ModelCall.of(body.path("model").asText(""), body.path("stream").asBoolean(false), tools, body);
    }

    @Override
    public JsonNode response(Completion completion) {
        ObjectNode response = head(completion, "chat.completion");
        ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        Reply reply = completion.reply();
        if (reply instanceof Reply.ToolUse toolUse) {
            message.putNull("content");
            message.putArray("tool_calls").add(toolCall(toolUse, toolUse.argumentsText()));
        } else {
            message.put("content", ((Reply.Text) reply).text());
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(reply));
        response.set("usage", usage(completion));
        return response;
    }

    @Override
    public List<SseEvent> events(Completion completion) {
        List<SseEvent> events = new ArrayList<>();
        Reply reply = completion.reply();
        events.add(chunk(completion, delta -> delta.put("role", "assistant").put("content", ""), null));
        if (reply instanceof Reply.ToolUse toolUse) {
            events.add(chunk(completion, delta -> delta.putArray("tool_calls").add(toolCall(toolUse, "")
                    .put("index", 0)), null));
            events.add(chunk(completion, delta -> {
                ObjectNode call = delta.putArray("tool_calls").addObject().put("index", 0);
                call.putObject("function").put("arguments", toolUse.argumentsText());
            }, null));
        } else {
            events.add(chunk(completion, delta -> delta.put("content", ((Reply.Text) reply).text()), null));
        }
        events.add(chunk(completion, delta -> { }, finishReason(reply)));
        ObjectNode usage = head(completion, "chat.completion.chunk");
        usage.putArray("choices");
        usage.set("usage", usage(completion));
        events.add(SseEvent.unnamed(usage));
        events.add(SseEvent.unnamed("[DONE]"));
        return List.copyOf(events);
    }

    @Override
    public List<SseEvent> stalledEvents(ModelCall call) {
        return List.of(chunk(new Completion(call, new Reply.Text(""), 0),
                delta -> delta.put("role", "assistant").put("content", ""), null));
    }

    @Override
    public JsonNode error(int status, String message) {
        return SAME_ERRORS.error(status, message);
    }

    private static SseEvent chunk(Completion completion, Consumer<ObjectNode> delta,
                                  String finishReason) {
        ObjectNode chunk = head(completion, "chat.completion.chunk");
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return SseEvent.unnamed(chunk);
    }

    private static ObjectNode head(Completion completion, String object) {
        return Json.MAPPER.createObjectNode()
                .put("id", completion.id("chatcmpl"))
                .put("object", object)
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", completion.call().model());
    }

    private static ObjectNode toolCall(Reply.ToolUse toolUse, String arguments) {
        ObjectNode call = Json.MAPPER.createObjectNode().put("id", toolUse.callId()).put("type", "function");
        call.putObject("function").put("name", toolUse.tool()).put("arguments", arguments);
        return call;
    }

    private static String finishReason(Reply reply) {
        return reply instanceof Reply.ToolUse ? "tool_calls" : "stop";
    }

    private static ObjectNode usage(Completion completion) {
        return Json.MAPPER.createObjectNode()
                .put("prompt_tokens", completion.inputTokens())
                .put("completion_tokens", completion.outputTokens())
                .put("total_tokens", completion.inputTokens() + completion.outputTokens());
    }
}
