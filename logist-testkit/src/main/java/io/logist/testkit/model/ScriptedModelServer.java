package io.logist.testkit.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local model server that answers from a {@link Script}, so that real agent CLIs run end to end without the
 * internet and without spending money. It listens on {@code 127.0.0.1} on a free port and speaks:
 * <ul>
 *   <li>the Anthropic Messages API, {@code POST /v1/messages} (base URL: {@link #baseUrl()});</li>
 *   <li>the OpenAI Responses API, {@code POST /v1/responses}, and Chat Completions API,
 *       {@code POST /v1/chat/completions} (base URL: {@link #openAiBaseUrl()});</li>
 *   <li>the Gemini API, {@code POST /v1beta/models/<model>:generateContent} and
 *       {@code :streamGenerateContent?alt=sse} (base URL: {@link #baseUrl()}).</li>
 * </ul>
 * Each request for a model answer takes the script's next {@link Turn}; the answer streams when the request
 * asks for a stream, and always reports token usage. Every request is recorded for assertions.
 *
 * <pre>{@code
 * try (ScriptedModelServer server = ScriptedModelServer.start(Script.of(
 *         Turn.writeFile("hello.txt", "hi"),
 *         Turn.verdict("COMPLETED", "wrote hello.txt", "hello.txt")))) {
 *     // point the CLI at server.baseUrl() and run it
 * }
 * }</pre>
 */
public final class ScriptedModelServer implements AutoCloseable {
    private static final Pattern GEMINI_PATH =
            Pattern.compile("/v1(?:beta|alpha)?/models/([^:/]+):(generateContent|streamGenerateContent|countTokens)");
    private static final String SCRIPTED_ERROR = "model server scripted error";
    private static final ModelApi ANTHROPIC = new AnthropicMessages();
    private static final ModelApi RESPONSES = new OpenAiResponses();
    private static final ModelApi CHAT = new OpenAiChatCompletions();
    private static final ModelApi GEMINI = new GeminiGenerateContent();

    private final HttpServer http;
    private final ExecutorService handlers;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Deque<Turn> turns;
    private final Turn whenDone;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final AtomicLong answers = new AtomicLong();

    private ScriptedModelServer(Script script) throws IOException {
        this.turns = new ArrayDeque<>(script.turns());
        this.whenDone = script.whenDone();
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicLong threads = new AtomicLong();
        this.handlers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "scripted-model-server-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts a server on {@code 127.0.0.1} and a free port, answering from the script. */
    public static ScriptedModelServer start(Script script) {
        try {
            return new ScriptedModelServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the scripted model server on 127.0.0.1: "
                    + e.getMessage(), e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}: the base URL for Anthropic and Gemini clients. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** {@code http://127.0.0.1:<port>/v1}: the base URL for OpenAI clients. */
    public URI openAiBaseUrl() {
        return URI.create(baseUrl() + "/v1");
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The script's turns not yet used. */
    public int turnsLeft() {
        synchronized (turns) {
            return turns.size();
        }
    }

    /** Stops listening, and ends the answers that hang or stall by closing their connections. */
    @Override
    public void close() {
        closing.countDown();
        http.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            Request request = new Request(exchange, method, query.isEmpty() ? path : path + "?" + query, body);
            if (method.equals("HEAD")) {
                remember(request, path.equals("/") ? "head" : "not found");
                exchange.sendResponseHeaders(path.equals("/") ? 200 : 404, -1);
                return;
            }
            if (method.equals("GET") && path.equals("/")) {
                remember(request, "index");
                sendJson(exchange, 200, Json.MAPPER.createObjectNode().put("server", "Logist scripted model server"));
                return;
            }
            Matcher gemini = GEMINI_PATH.matcher(path);
            if (!method.equals("POST")) {
                notFound(request);
            } else if (path.equals("/v1/messages")) {
                answer(request, ANTHROPIC, "", false);
            } else if (path.equals("/v1/messages/count_tokens")) {
                remember(request, "token count");
                sendJson(exchange, 200, Json.MAPPER.createObjectNode().put("input_tokens", ModelCall.tokens(body)));
            } else if (path.equals("/v1/responses")) {
                answer(request, RESPONSES, "", false);
            } else if (path.equals("/v1/chat/completions")) {
                answer(request, CHAT, "", false);
            } else if (gemini.matches() && gemini.group(2).equals("countTokens")) {
                remember(request, "token count");
                sendJson(exchange, 200, Json.MAPPER.createObjectNode().put("totalTokens", ModelCall.tokens(body)));
            } else if (gemini.matches()) {
                answer(request, GEMINI, gemini.group(1), gemini.group(2).equals("streamGenerateContent"));
            } else {
                notFound(request);
            }
        }
    }

    private void answer(Request request, ModelApi api, String model, boolean streamRequested) throws IOException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            remember(request, "bad request");
            sendJson(request.exchange(), 400, api.error(400, "the body is not JSON: " + e.getOriginalMessage()));
            return;
        }
        ModelCall call = api.read(body == null ? Json.MAPPER.createObjectNode() : body, model, streamRequested);
        Turn turn = nextTurn();
        long number = answers.incrementAndGet();
        if (turn instanceof Turn.Fail fail) {
            remember(request, "failure " + fail.failure());
            fail(request, api, call, fail.failure());
            return;
        }
        Reply reply = turn instanceof Turn.WriteFile file
                ? FileToolCall.plan(file, call, "call_scripted_" + number)
                : new Reply.Text(((Turn.Answer) turn).text());
        remember(request, reply instanceof Reply.ToolUse toolUse ? "tool " + toolUse.tool() : "text");
        Completion completion = new Completion(call, reply, number);
        if (!call.stream()) {
            sendJson(request.exchange(), 200, api.response(completion));
        } else if (api == GEMINI && !request.path().contains("alt=sse")) {
            // Without alt=sse, Gemini streams one JSON array of responses.
            ArrayNode chunks = Json.MAPPER.createArrayNode();
            api.events(completion).forEach(event -> chunks.add(readTree(event.data())));
            sendJson(request.exchange(), 200, chunks);
        } else {
            OutputStream out = startEvents(request.exchange());
            for (SseEvent event : api.events(completion)) {
                out.write(event.bytes());
            }
        }
    }

    private void fail(Request request, ModelApi api, ModelCall call, Failure failure) throws IOException {
        HttpExchange exchange = request.exchange();
        switch (failure) {
            case HANG -> awaitClose();
            case STALL -> {
                OutputStream out;
                if (call.stream()) {
                    out = startEvents(exchange);
                    for (SseEvent event : api.stalledEvents(call)) {
                        out.write(event.bytes());
                    }
                } else {
                    exchange.getResponseHeaders().set("content-type", "application/json");
                    exchange.sendResponseHeaders(200, 0);
                    out = exchange.getResponseBody();
                    out.write('{');
                }
                out.flush();
                awaitClose();
            }
            default -> {
                int status = failure.status().orElseThrow();
                if (failure == Failure.RATE_LIMITED) {
                    exchange.getResponseHeaders().set("retry-after", "1");
                }
                sendJson(exchange, status, api.error(status, SCRIPTED_ERROR));
            }
        }
    }

    private Turn nextTurn() {
        synchronized (turns) {
            return turns.isEmpty() ? whenDone : turns.removeFirst();
        }
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void notFound(Request request) throws IOException {
        remember(request, "not found");
        sendJson(request.exchange(), 404, ANTHROPIC.error(404, "no such endpoint on the scripted model server: "
                + request.method() + " " + request.path()));
    }

    private static OutputStream startEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("content-type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the server wrote an event that is not JSON: " + json, e);
        }
    }

    /** Records the request, once the server knows what it does with it. */
    private void remember(Request request, String reply) {
        Map<String, List<String>> headers = new TreeMap<>();
        request.exchange().getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        synchronized (requests) {
            requests.add(new RecordedRequest(request.method(), request.path(), headers, request.body(), reply));
        }
    }

    /** A request being answered. */
    private record Request(HttpExchange exchange, String method, String path, String body) {
    }
}
