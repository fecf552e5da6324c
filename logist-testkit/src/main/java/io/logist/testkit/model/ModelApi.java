package io.logist.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One model API's request and answer formats. */
interface ModelApi {

    /** Reads a request; {@code model} is the model the path names, for APIs that name it there. */
    ModelCall read(JsonNode body, String model, boolean streamRequested);

    /** The whole answer as one JSON document. */
    JsonNode response(Completion completion);

    /** The whole answer as a stream of events. */
    List<SseEvent> events(Completion completion);

    /** The first events of a stream that never ends, for {@link Failure#STALL}. */
    List<SseEvent> stalledEvents(ModelCall call);

    /** The body of an HTTP error answer. */
    JsonNode error(int status, String message);
}
