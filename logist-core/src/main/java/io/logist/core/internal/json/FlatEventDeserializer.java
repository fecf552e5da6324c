package io.logist.core.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logist.event.ExecutionReattached;
import io.logist.event.ExecutionStarted;
import io.logist.event.JobCreated;
import io.logist.event.JobEvent;
import io.logist.event.LimitWarning;
import io.logist.event.MessageGiven;
import io.logist.event.PhaseChanged;
import io.logist.event.SignalRaised;
import io.logist.event.StateChanged;
import io.logist.event.StepFinished;
import io.logist.event.StepInterrupted;
import io.logist.event.StepStarted;
import io.logist.event.StepsSuperseded;
import io.logist.event.UsageReported;
import io.logist.event.VerdictRejected;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Reads the flat form written by {@link FlatEventSerializer}, choosing the record by {@code type}. */
final class FlatEventDeserializer extends StdDeserializer<JobEvent> {
    private static final long serialVersionUID = 1L;

    /** Every event record by its {@link JobEvent#type()}; JsonTest checks it against the permitted subtypes. */
    static final Map<String, Class<? extends JobEvent>> TYPES = new TreeMap<>(Map.ofEntries(
            Map.entry("job.created", JobCreated.class),
            Map.entry("job.state", StateChanged.class),
            Map.entry("job.message", MessageGiven.class),
            Map.entry("job.superseded", StepsSuperseded.class),
            Map.entry("step.started", StepStarted.class),
            Map.entry("step.phase", PhaseChanged.class),
            Map.entry("step.execution", ExecutionStarted.class),
            Map.entry("step.reattached", ExecutionReattached.class),
            Map.entry("step.usage", UsageReported.class),
            Map.entry("step.signal", SignalRaised.class),
            Map.entry("step.limit-warning", LimitWarning.class),
            Map.entry("step.interrupted", StepInterrupted.class),
            Map.entry("step.verdict-rejected", VerdictRejected.class),
            Map.entry("step.finished", StepFinished.class)));

    FlatEventDeserializer() {
        super(JobEvent.class);
    }

    @Override
    public JobEvent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode tree = context.readTree(parser);
        if (!(tree instanceof ObjectNode)) {
            return context.reportInputMismatch(this, "an event must be a JSON object, not %s",
                    tree.getNodeType());
        }
        ObjectNode fields = (ObjectNode) tree;
        JsonNode type = fields.remove("type");
        if (type == null || !type.isTextual()) {
            return context.reportInputMismatch(this, "the event has no \"type\"");
        }
        Class<? extends JobEvent> record = TYPES.get(type.asText());
        if (record == null) {
            return context.reportInputMismatch(this, "unknown event type '%s'; known types are %s",
                    type.asText(), TYPES.keySet());
        }
        JsonNode step = fields.remove("step");
        if (step != null) {
            fields.set("n", step);
        }
        return context.readTreeAsValue(fields, record);
    }
}
