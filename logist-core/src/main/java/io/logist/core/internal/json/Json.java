package io.logist.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.event.JobEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The one JSON mapper for Logist's values. Instants are ISO-8601 UTC text, durations ISO text ({@code PT30M}),
 * paths plain strings, job ids bare strings, costs exact decimal numbers; an empty {@code Optional} is left
 * out and read back as empty. Numbers in free-form option maps come back as {@code Long} or
 * {@code BigDecimal}. Unknown properties are ignored so that older versions read what newer ones wrote.
 *
 * <p>A {@link JobEvent} is one flat object, {@code {"seq":1,"ts":"...","type":"job.state","step":3,...}}; read
 * events as {@code JobEvent}, which picks the record by {@code type}.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(logistModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // Settings maps are unordered; sorted keys keep job.json stable and diffable.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Costs must come back exactly as written (5.00 stays 5.00), also through the tree that events
            // pass on their way in.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();

    private Json() {
    }

    /** The configured mapper; share it, never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The event as one line of JSON, without a line break. */
    public static String writeEvent(JobEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event, e);
        }
    }

    /**
     * Reads one event written by {@link #writeEvent}.
     *
     * @throws IllegalArgumentException when the line is not a valid event; the message says why
     */
    public static JobEvent readEvent(String line) {
        return read(() -> MAPPER.readValue(line, JobEvent.class), "event");
    }

    /** The manifest as indented UTF-8 JSON. */
    public static byte[] writeJob(JobInfo job) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write job " + job.id(), e);
        }
    }

    /**
     * Reads a manifest written by {@link #writeJob}.
     *
     * @throws IllegalArgumentException when the bytes are not a valid manifest; the message says why
     */
    public static JobInfo readJob(byte[] json) {
        return read(() -> MAPPER.readValue(json, JobInfo.class), "job manifest");
    }

    private static <T> T read(JsonReading<T> reading, String what) {
        T value;
        try {
            value = reading.read();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid " + what + ": " + e.getMessage(), e);
        }
        if (value == null) {
            throw new IllegalArgumentException("not a valid " + what + ": it is null");
        }
        return value;
    }

    private static SimpleModule logistModule() {
        SimpleModule module = new SimpleModule("logist");
        // Jackson's default writes a Path as a file: URI; manifests and users read plain paths.
        module.addSerializer(Path.class, ToStringSerializer.instance);
        module.addDeserializer(Path.class, fromString(Path.class, Path::of));
        module.addSerializer(JobId.class, ToStringSerializer.instance);
        module.addDeserializer(JobId.class, fromString(JobId.class, JobId::of));
        module.addDeserializer(JobEvent.class, new FlatEventDeserializer());
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                      JsonSerializer<?> serializer) {
                return JobEvent.class.isAssignableFrom(description.getBeanClass())
                        ? new FlatEventSerializer((JsonSerializer<Object>) serializer)
                        : serializer;
            }
        });
        return module;
    }

    private static <T> FromStringDeserializer<T> fromString(Class<T> type, Function<String, T> parse) {
        return new FromStringDeserializer<>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            protected T _deserialize(String value, DeserializationContext context) {
                return parse.apply(value);
            }
        };
    }

    @FunctionalInterface
    private interface JsonReading<T> {
        T read() throws IOException;
    }
}
