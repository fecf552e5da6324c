package io.logist.testkit.model;

import java.util.OptionalInt;

/** How a scripted request fails, the way real model services fail. */
public enum Failure {
    /** HTTP 500 with the API's error body. */
    SERVER_ERROR(500),
    /** HTTP 401: the key was refused. */
    UNAUTHORIZED(401),
    /** HTTP 403: the key may not use the model. */
    FORBIDDEN(403),
    /** HTTP 429 with {@code retry-after: 1}. */
    RATE_LIMITED(429),
    /** The request is read and never answered: no status, no headers, until the server closes. */
    HANG(0),
    /** The answer starts (status 200, headers, the first event of a stream) and then stops until the server closes. */
    STALL(0);

    private final int status;

    Failure(int status) {
        this.status = status;
    }

    /** The HTTP status it answers with; empty for the failures that never finish an answer. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
