package io.logist.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP client for the scripted server's APIs, as the CLIs' SDKs call them. */
final class ModelClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;

    ModelClient(ScriptedModelServer server) {
        this.base = server.baseUrl();
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("content-type", "application/json")
                .header("x-api-key", "sk-test-key")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpClient http() {
        return http;
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** The {@code data:} of each server-sent event, as JSON, leaving out a final {@code [DONE]}. */
    static List<JsonNode> events(String stream) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : stream.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                events.add(json(line.substring("data: ".length())));
            }
        }
        return events;
    }

    /** The {@code event:} names of a stream, in order. */
    static List<String> eventNames(String stream) {
        return stream.lines().filter(line -> line.startsWith("event: "))
                .map(line -> line.substring("event: ".length())).toList();
    }
}
