package io.logist.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gemini API: {@code POST /v1beta/models/<model>:generateContent}, and
 * {@code :streamGenerateContent?alt=sse} for server-sent events.
 */
final class GeminiGenerateContent implements ModelApi {

    @Override
    public ModelCall read(JsonNode body, String model, boolean streamRequested) {
        List<OfferedTool> tools = new ArrayList<>();
        body.path("tools").forEach(group -> group.path("functionDeclarations").forEach(declaration -> {
            JsonNode schema = declaration.has("parametersJsonSchema") ? declaration.path("parametersJsonSchema")
                    : declaration.path("parameters");
            tools.add(OfferedTool.function(declaration.path("name").asText(), schema));
        }));
        return ModelCall.of(model, streamRequested, tools, body);
    }

    @Override
    public JsonNode response(Completion completion) {
        ObjectNode response = candidate(completion, part(completion.reply()), true);
        ObjectNode usage = response.putObject("usageMetadata")
                .put("promptTokenCount", completion.inputTokens())
                .put("candidatesTokenCount", completion.outputTokens())
                .put("totalTokenCount", completion.inputTokens() + completion.outputTokens());
        usage.put("thoughtsTokenCount", 0);
        return response;
    }

    @Override
    public List<SseEvent> events(Completion completion) {
        return List.of(SseEvent.unnamed(response(completion)));
    }

    @Override
    public List<SseEvent> stalledEvents(ModelCall call) {
        return List.of(SseEvent.unnamed(candidate(new Completion(call, new Reply.Text(""), 0),
                Json.MAPPER.createObjectNode().put("text", "Working"), false)));
    }

    @Override
    public JsonNode error(int status, String message) {
        String statusName = switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        };
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.putObject("error").put("code", status).put("message", message).put("status", statusName);
        return error;
    }

    private static ObjectNode candidate(Completion completion, ObjectNode part, boolean finished) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        ObjectNode candidate = response.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content").put("role", "model");
        content.putArray("parts").add(part);
        if (finished) {
            candidate.put("finishReason", "STOP");
        }
        candidate.put("index", 0);
        response.put("modelVersion", completion.call().model());
        response.put("responseId", completion.id("resp"));
        return response;
    }

    private static ObjectNode part(Reply reply) {
        if (reply instanceof Reply.ToolUse toolUse) {
            ObjectNode part = Json.MAPPER.createObjectNode();
            part.putObject("functionCall").put("id", toolUse.callId()).put("name", toolUse.tool())
                    .set("args", toolUse.arguments());
            return part;
        }
        return Json.MAPPER.createObjectNode().put("text", ((Reply.Text) reply).text());
    }
}
