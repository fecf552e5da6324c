package io.logist.testkit.model;

import static io.logist.testkit.model.ModelClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scripted failures, in each API's own error format. */
class ScriptedFailuresTest {
    private static final String BODY = "{\"model\": \"m\", \"stream\": true, \"messages\": [], \"input\": []}";

    @ParameterizedTest
    @CsvSource({
        "/v1/messages, UNAUTHORIZED, 401, /error/type, authentication_error",
        "/v1/messages, SERVER_ERROR, 500, /error/type, api_error",
        "/v1/messages, RATE_LIMITED, 429, /error/type, rate_limit_error",
        "/v1/messages, FORBIDDEN, 403, /error/type, permission_error",
        "/v1/responses, UNAUTHORIZED, 401, /error/code, invalid_api_key",
        "/v1/responses, SERVER_ERROR, 500, /error/type, server_error",
        "/v1/chat/completions, RATE_LIMITED, 429, /error/type, rate_limit_exceeded",
        "/v1beta/models/g:streamGenerateContent?alt=sse, UNAUTHORIZED, 401, /error/status, UNAUTHENTICATED",
        "/v1beta/models/g:generateContent, SERVER_ERROR, 500, /error/status, INTERNAL",
    })
    void statusFailuresAnswerWithTheApisErrorBody(String path, Failure failure, int status, String pointer,
                                                  String value) throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.failing(failure))) {
            ModelClient client = new ModelClient(server);

            HttpResponse<String> first = client.post(path, BODY);
            HttpResponse<String> second = client.post(path, BODY);

            for (HttpResponse<String> response : List.of(first, second)) {
                assertThat(response.statusCode()).isEqualTo(status);
                JsonNode error = json(response.body());
                assertThat(error.at(pointer).asText()).isEqualTo(value);
                assertThat(error.toString()).contains("model server scripted error");
            }
            assertThat(server.requests()).extracting(RecordedRequest::reply)
                    .containsOnly("failure " + failure);
        }
    }

    @Test
    void aRateLimitSaysWhenToRetry() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.failing(Failure.RATE_LIMITED))) {
            HttpResponse<String> response = new ModelClient(server).post("/v1/messages", BODY);

            assertThat(response.headers().firstValue("retry-after")).contains("1");
        }
    }

    @Test
    void aScriptedFailureIsOneTurnAndTheNextRequestSucceeds() throws Exception {
        try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(
                Turn.fail(Failure.SERVER_ERROR), Turn.answer("recovered")))) {
            ModelClient client = new ModelClient(server);
            String body = "{\"model\": \"m\", \"messages\": []}";

            int failed = client.post("/v1/messages", body).statusCode();
            JsonNode recovered = json(client.post("/v1/messages", body).body());

            assertThat(failed).isEqualTo(500);
            assertThat(recovered.path("content").path(0).path("text").asText()).isEqualTo("recovered");
        }
    }

    @Test
    void aHangingRequestGetsNoAnswerUntilTheServerCloses() throws Exception {
        ScriptedModelServer server = ScriptedModelServer.start(Script.failing(Failure.HANG));
        try (server) {
            ModelClient client = new ModelClient(server);
            CompletableFuture<HttpResponse<String>> answer = client.http().sendAsync(
                    client.request("/v1/messages", BODY).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());

            awaitRecorded(server, 1);

            assertThat(answer).as("the answer to a request the server holds").isNotDone();
            server.close();
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                    .as("the answer once the server closed the held connection")
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void aStalledStreamSendsItsFirstEventAndNothingMoreUntilTheServerCloses() throws Exception {
        ScriptedModelServer server = ScriptedModelServer.start(Script.failing(Failure.STALL));
        try (server) {
            ModelClient client = new ModelClient(server);
            HttpResponse<InputStream> response = client.http().send(
                    client.request("/v1/messages", BODY).build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));

            String firstLine = reader.readLine();
            server.close();
            List<String> rest = new ArrayList<>();
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    rest.add(line);
                }
            } catch (java.io.IOException closedMidStream) {
                // A stream cut short may end with an error instead of a clean end; either way nothing more came.
            }

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(firstLine).isEqualTo("event: message_start");
            assertThat(rest).as("what followed the first event line").noneMatch(line -> line.contains("message_stop"))
                    .noneMatch(line -> line.contains("content_block"));
        }
    }

    @Test
    void aStalledJsonAnswerStopsInsideTheBody() throws Exception {
        ScriptedModelServer server = ScriptedModelServer.start(Script.failing(Failure.STALL));
        try (server) {
            ModelClient client = new ModelClient(server);
            HttpResponse<InputStream> response = client.http().send(
                    client.request("/v1/chat/completions", "{\"model\": \"m\", \"messages\": []}").build(),
                    HttpResponse.BodyHandlers.ofInputStream());

            int first = response.body().read();
            server.close();

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat((char) first).isEqualTo('{');
        }
    }

    /** Waits, bounded, until the server has seen this many requests. */
    private static void awaitRecorded(ScriptedModelServer server, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (server.requests().size() < count) {
            assertThat(Instant.now()).as("the time waiting for %s requests", count).isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
