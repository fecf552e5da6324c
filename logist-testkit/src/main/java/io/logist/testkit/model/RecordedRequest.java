package io.logist.testkit.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the server received, for assertions.
 *
 * @param method  such as {@code POST}
 * @param path    the path with its query, such as {@code /v1/messages?beta=true}
 * @param headers the headers by lower-case name
 * @param body    the body as text
 * @param reply   what the server did, such as {@code tool Write}, {@code text}, {@code failure UNAUTHORIZED} or
 *                {@code not found}
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body,
                              String reply) {
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(reply, "reply");
    }

    /** The first value of a header, by name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)))
                .filter(values -> !values.isEmpty())
                .map(values -> values.get(0));
    }
}
