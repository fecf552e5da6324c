package io.logist.testkit.model;

import static io.logist.testkit.model.ModelClient.eventNames;
import static io.logist.testkit.model.ModelClient.events;
import static io.logist.testkit.model.ModelClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each API, JSON and streamed, answered from a script and called with a plain HTTP client. */
class ScriptedModelServerTest {
    private static final String ANTHROPIC_TOOLS = """
            "system": "You are Claude Code.\\nWorking directory: /work/project\\nIs a git repository: true",
            "tools": [{"name": "Bash", "input_schema": {"type": "object", "properties": {"command": {"type": "string"}}}},
                      {"name": "Write", "input_schema": {"type": "object", "properties": {
                          "file_path": {"type": "string"}, "content": {"type": "string"}}}}],
            "messages": [{"role": "user", "content": "Create hello.txt"}]""";

    @Test
    void anthropicJsonAnswerCallsTheWriteToolWithAnAbsolutePathThenAnswers() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(
                Turn.writeFile("hello.txt", "hi"), Turn.answer("All done")))) {
            ModelClient client = new ModelClient(server);

            JsonNode toolUse = json(client.post("/v1/messages?beta=true",
                    "{\"model\": \"claude-x\", \"max_tokens\": 100, " + ANTHROPIC_TOOLS + "}").body());
            JsonNode text = json(client.post("/v1/messages",
                    "{\"model\": \"claude-x\", " + ANTHROPIC_TOOLS + "}").body());

            assertThat(toolUse.path("stop_reason").asText()).isEqualTo("tool_use");
            assertThat(toolUse.path("model").asText()).isEqualTo("claude-x");
            JsonNode block = toolUse.path("content").path(0);
            assertThat(block.path("type").asText()).isEqualTo("tool_use");
            assertThat(block.path("name").asText()).isEqualTo("Write");
            assertThat(block.path("input").path("file_path").asText()).isEqualTo("/work/project/hello.txt");
            assertThat(block.path("input").path("content").asText()).isEqualTo("hi");
            assertThat(toolUse.path("usage").path("input_tokens").asLong()).isPositive();
            assertThat(toolUse.path("usage").path("output_tokens").asLong()).isPositive();
            assertThat(text.path("stop_reason").asText()).isEqualTo("end_turn");
            assertThat(text.path("content").path(0).path("text").asText()).isEqualTo("All done");
            assertThat(server.turnsLeft()).isZero();
        }
    }

    @Test
    void anthropicStreamHasTheMessageEventsInOrderWithUsage() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.writeFile("a/b.txt", "x")))) {
            HttpResponse<String> response = new ModelClient(server).post("/v1/messages",
                    "{\"model\": \"claude-x\", \"stream\": true, " + ANTHROPIC_TOOLS + "}");

            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            assertThat(eventNames(response.body())).containsExactly("message_start", "content_block_start", "ping",
                    "content_block_delta", "content_block_stop", "message_delta", "message_stop");
            List<JsonNode> events = events(response.body());
            assertThat(events.get(0).path("message").path("usage").path("input_tokens").asLong()).isPositive();
            assertThat(events.get(1).path("content_block").path("name").asText()).isEqualTo("Write");
            JsonNode input = json(events.get(3).path("delta").path("partial_json").asText());
            assertThat(input.path("file_path").asText()).isEqualTo("/work/project/a/b.txt");
            assertThat(events.get(5).path("delta").path("stop_reason").asText()).isEqualTo("tool_use");
            assertThat(events.get(5).path("usage").path("output_tokens").asLong()).isPositive();
        }
    }

    @Test
    void responsesStreamCallsTheFreeformPatchToolAndCompletesWithUsage() throws Exception {
        String request = """
                {"model": "gpt-5.5", "stream": true, "input": [],
                 "tools": [{"type": "function", "name": "exec_command", "parameters": {"type": "object",
                              "properties": {"cmd": {"type": "string"}}}},
                           {"type": "custom", "name": "apply_patch", "format": {"type": "grammar"}},
                           {"type": "web_search"}]}""";
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(
                Turn.writeFile("hello.txt", "one\ntwo")))) {
            HttpResponse<String> response = new ModelClient(server).post("/v1/responses", request);

            assertThat(eventNames(response.body())).startsWith("response.created", "response.in_progress",
                    "response.output_item.added").endsWith("response.output_item.done", "response.completed");
            List<JsonNode> events = events(response.body());
            JsonNode item = events.get(events.size() - 2).path("item");
            assertThat(item.path("type").asText()).isEqualTo("custom_tool_call");
            assertThat(item.path("name").asText()).isEqualTo("apply_patch");
            assertThat(item.path("input").asText())
                    .isEqualTo("*** Begin Patch\n*** Add File: hello.txt\n+one\n+two\n*** End Patch\n");
            JsonNode completed = events.get(events.size() - 1).path("response");
            assertThat(completed.path("status").asText()).isEqualTo("completed");
            assertThat(completed.path("usage").path("input_tokens").asLong()).isPositive();
            assertThat(completed.path("usage").path("output_tokens").asLong()).isPositive();
            assertThat(events).extracting(event -> event.path("sequence_number").asInt())
                    .isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void responsesJsonAnswerIsAResponseObjectWithTheText() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.answer("DONE")))) {
            JsonNode response = json(new ModelClient(server).post("/v1/responses",
                    "{\"model\": \"gpt-5.5\", \"input\": \"hi\"}").body());

            assertThat(response.path("object").asText()).isEqualTo("response");
            JsonNode message = response.path("output").path(0);
            assertThat(message.path("type").asText()).isEqualTo("message");
            assertThat(message.path("content").path(0).path("text").asText()).isEqualTo("DONE");
            assertThat(response.path("usage").path("total_tokens").asLong()).isGreaterThan(1);
        }
    }

    @Test
    void chatCompletionsJsonCallsTheShellToolWhenNoWriteToolIsOffered() throws Exception {
        String request = """
                {"model": "gpt-4o", "messages": [{"role": "user", "content": "go"}],
                 "tools": [{"type": "function", "function": {"name": "run_commands", "parameters": {"type": "object",
                     "properties": {"commands": {"type": "array", "items": {"type": "string"}}}}}}]}""";
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.writeFile("it's.txt", "a'b")))) {
            JsonNode response = json(new ModelClient(server).post("/v1/chat/completions", request).body());

            JsonNode choice = response.path("choices").path(0);
            assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
            JsonNode call = choice.path("message").path("tool_calls").path(0);
            assertThat(call.path("function").path("name").asText()).isEqualTo("run_commands");
            JsonNode arguments = json(call.path("function").path("arguments").asText());
            assertThat(arguments.path("commands").path(0).asText())
                    .isEqualTo("printf '%s' 'a'\\''b' > 'it'\\''s.txt'");
            assertThat(response.path("usage").path("prompt_tokens").asLong()).isPositive();
            assertThat(response.path("usage").path("completion_tokens").asLong()).isPositive();
        }
    }

    @Test
    void chatCompletionsStreamSendsChunksThenUsageThenDone() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.answer("DONE")))) {
            HttpResponse<String> response = new ModelClient(server).post("/v1/chat/completions",
                    "{\"model\": \"gpt-4o\", \"stream\": true, \"messages\": []}");

            List<JsonNode> events = events(response.body());
            assertThat(events).extracting(event -> event.path("choices").path(0).path("delta").path("content").asText(""))
                    .containsSubsequence("", "DONE");
            assertThat(events.get(events.size() - 2).path("choices").path(0).path("finish_reason").asText())
                    .isEqualTo("stop");
            assertThat(events.get(events.size() - 1).path("usage").path("total_tokens").asLong()).isPositive();
            assertThat(response.body().strip()).endsWith("data: [DONE]");
        }
    }

    @Test
    void chatCompletionsStreamCarriesAToolCallInPieces() throws Exception {
        String request = """
                {"model": "gpt-4o", "stream": true, "messages": [],
                 "tools": [{"type": "function", "function": {"name": "write", "parameters": {"type": "object",
                     "properties": {"filePath": {"type": "string"}, "content": {"type": "string"}}}}}]}""";
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.writeFile("/abs/f.txt", "x")))) {
            List<JsonNode> events = events(new ModelClient(server).post("/v1/chat/completions", request).body());

            JsonNode start = events.get(1).path("choices").path(0).path("delta").path("tool_calls").path(0);
            assertThat(start.path("function").path("name").asText()).isEqualTo("write");
            JsonNode arguments = json(events.get(2).path("choices").path(0).path("delta").path("tool_calls").path(0)
                    .path("function").path("arguments").asText());
            assertThat(arguments.path("filePath").asText()).isEqualTo("/abs/f.txt");
            assertThat(events.get(3).path("choices").path(0).path("finish_reason").asText()).isEqualTo("tool_calls");
        }
    }

    @Test
    void geminiStreamCallsWriteFileAndReportsUsageMetadata() throws Exception {
        String request = """
                {"contents": [{"role": "user", "parts": [{"text": "go"}]}],
                 "tools": [{"functionDeclarations": [
                     {"name": "run_shell_command", "parametersJsonSchema": {"type": "object", "properties": {"command": {"type": "string"}}}},
                     {"name": "write_file", "parametersJsonSchema": {"type": "object", "properties": {
                         "file_path": {"type": "string"}, "content": {"type": "string"}}}}]}]}""";
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.writeFile("hello.txt", "hi")))) {
            HttpResponse<String> response = new ModelClient(server).post(
                    "/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse", request);

            List<JsonNode> events = events(response.body());
            JsonNode last = events.get(events.size() - 1);
            JsonNode call = last.path("candidates").path(0).path("content").path("parts").path(0).path("functionCall");
            assertThat(call.path("name").asText()).isEqualTo("write_file");
            assertThat(call.path("args").path("file_path").asText()).isEqualTo("hello.txt");
            assertThat(last.path("candidates").path(0).path("finishReason").asText()).isEqualTo("STOP");
            assertThat(last.path("modelVersion").asText()).isEqualTo("gemini-2.5-pro");
            assertThat(last.path("usageMetadata").path("promptTokenCount").asLong()).isPositive();
            assertThat(last.path("usageMetadata").path("candidatesTokenCount").asLong()).isPositive();
        }
    }

    @Test
    void geminiJsonAnswerHasTheTextCandidate() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.answer("DONE")))) {
            JsonNode response = json(new ModelClient(server).post("/v1beta/models/gemini-2.5-pro:generateContent",
                    "{\"contents\": []}").body());

            assertThat(response.path("candidates").path(0).path("content").path("parts").path(0).path("text").asText())
                    .isEqualTo("DONE");
            assertThat(response.path("usageMetadata").path("totalTokenCount").asLong()).isGreaterThan(1);
        }
    }

    @Test
    void geminiStreamWithoutSseIsOneJsonArrayOfResponses() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.answer("DONE")))) {
            JsonNode chunks = json(new ModelClient(server).post("/v1beta/models/gemini-2.5-pro:streamGenerateContent",
                    "{\"contents\": []}").body());

            assertThat(chunks.isArray()).as("an array: %s", chunks).isTrue();
            assertThat(chunks.path(0).path("candidates").path(0).path("content").path("parts").path(0).path("text")
                    .asText()).isEqualTo("DONE");
        }
    }

    @Test
    void aScriptCanEndWithAnotherAnswerForEveryFurtherRequest() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.answer("first"))
                .thenAlways(Turn.fail(Failure.RATE_LIMITED)))) {
            ModelClient client = new ModelClient(server);
            String request = "{\"model\": \"m\", \"messages\": []}";

            List<Integer> statuses = List.of(client.post("/v1/chat/completions", request).statusCode(),
                    client.post("/v1/chat/completions", request).statusCode(),
                    client.post("/v1/chat/completions", request).statusCode());

            assertThat(statuses).containsExactly(200, 429, 429);
        }
    }

    @Test
    void aRequestWithoutAKnownToolGetsTheFileAsText() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.writeFile("hello.txt", "hi")))) {
            JsonNode response = json(new ModelClient(server).post("/v1/chat/completions",
                    "{\"model\": \"gpt-4o\", \"messages\": []}").body());

            assertThat(response.path("choices").path(0).path("message").path("content").asText())
                    .isEqualTo("hello.txt\n```\nhi\n```\n");
        }
    }

    @Test
    void afterTheScriptEveryRequestGetsACompletedVerdict() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.answer("first")))) {
            ModelClient client = new ModelClient(server);
            String request = "{\"model\": \"m\", \"messages\": []}";

            List<String> answers = List.of(
                    client.post("/v1/messages", request).body(),
                    client.post("/v1/messages", request).body(),
                    client.post("/v1/messages", request).body());

            assertThat(json(answers.get(0)).path("content").path(0).path("text").asText()).isEqualTo("first");
            for (String later : answers.subList(1, 3)) {
                assertThat(json(later).path("content").path(0).path("text").asText())
                        .contains("```json").contains("\"action\":\"COMPLETED\"");
            }
        }
    }

    @Test
    void everyRequestIsRecordedWithMethodPathHeadersBodyAndReply() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.answer("x")))) {
            ModelClient client = new ModelClient(server);
            String body = "{\"model\": \"m\", \"messages\": []}";

            client.send("HEAD", "/");
            client.post("/v1/messages?beta=true", body);
            client.send("GET", "/v1/models");

            List<RecordedRequest> requests = server.requests();
            assertThat(requests).extracting(RecordedRequest::method).containsExactly("HEAD", "POST", "GET");
            assertThat(requests).extracting(RecordedRequest::path)
                    .containsExactly("/", "/v1/messages?beta=true", "/v1/models");
            assertThat(requests).extracting(RecordedRequest::reply).containsExactly("head", "text", "not found");
            assertThat(requests.get(1).body()).isEqualTo(body);
            assertThat(requests.get(1).header("X-API-Key")).contains("sk-test-key");
        }
    }

    @Test
    void headOfTheRootIsOkAndUnknownPathsAre404Json() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of())) {
            ModelClient client = new ModelClient(server);

            HttpResponse<String> head = client.send("HEAD", "/");
            HttpResponse<String> unknown = client.send("POST", "/v2/nothing");

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(json(unknown.body()).path("error").path("message").asText()).contains("POST /v2/nothing");
            assertThat(server.turnsLeft()).isZero();
        }
    }

    @Test
    void bodiesThatAreNotJsonAreRefusedWith400() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(Turn.answer("kept")))) {
            HttpResponse<String> response = new ModelClient(server).post("/v1/responses", "{not json");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response.body()).path("error").path("message").asText()).contains("not JSON");
            assertThat(server.turnsLeft()).as("turns left: a bad request uses none").isEqualTo(1);
        }
    }

    @Test
    void theBaseUrlsAreTheLoopbackHostRootAndItsV1() {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of())) {
            assertThat(server.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(server.openAiBaseUrl().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/v1");
        }
    }
}
