package io.logist.testkit.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One server-sent event.
 *
 * @param name the {@code event:} field, which some APIs leave out
 * @param data the {@code data:} field, one line of JSON
 */
record SseEvent(Optional<String> name, String data) {
    SseEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }

    static SseEvent named(String name, Object data) {
        return new SseEvent(Optional.of(name), data.toString());
    }

    static SseEvent unnamed(Object data) {
        return new SseEvent(Optional.empty(), data.toString());
    }

    byte[] bytes() {
        return (name.map(n -> "event: " + n + "\n").orElse("") + "data: " + data + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
