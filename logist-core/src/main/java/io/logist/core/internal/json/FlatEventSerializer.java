package io.logist.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.logist.event.JobEvent;
import java.io.IOException;
import java.util.List;

/**
 * Writes an event as {@code {"seq","ts","type","step"?, ...the record's other components}}. Step events
 * keep their step number in a component named {@code n}; it is written once, as {@code step}.
 */
final class FlatEventSerializer extends StdSerializer<JobEvent> {
    private static final long serialVersionUID = 1L;

    private final transient JsonSerializer<Object> recordSerializer;

    FlatEventSerializer(JsonSerializer<Object> recordSerializer) {
        super(JobEvent.class);
        this.recordSerializer = recordSerializer;
    }

    @Override
    public void serialize(JobEvent event, JsonGenerator generator, SerializerProvider provider) throws IOException {
        TokenBuffer buffer = provider.bufferForValueConversion(generator.getCodec());
        recordSerializer.serialize(event, buffer, provider);
        ObjectNode components = buffer.asParser(generator.getCodec()).readValueAsTree();

        ObjectNode line = components.objectNode();
        line.put("seq", event.seq());
        line.set("ts", components.get("ts"));
        line.put("type", event.type());
        event.step().ifPresent(step -> line.put("step", step));
        components.remove(List.of("seq", "ts", "n"));
        line.setAll(components);
        line.serialize(generator, provider);
    }
}
