package io.logist.core.internal.sentinel;

import io.logist.Limits;
import io.logist.SentinelSettings;
import io.logist.spi.AgentError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches one running step (SPEC section 6). The step's output readers feed it lines and the agent's signals;
 * the watch loop asks {@link #check} on every tick whether the step must stop. The first stop found is kept:
 * a step ends for one reason. Thread-safe, because readers and the loop run on different threads.
 */
public final class Sentinel {
    /** Events per signal and step: enough to see what happened, never a flood in the event log. */
    static final int EVENTS_PER_SIGNAL = 20;

    private final SignalClassifier classifier;
    private final IdleTimeout idle;
    private final FinishedNotExited finished;
    private final RepeatedOutput loop;
    private final List<TimedRule> timed;
    private final Map<String, Integer> raised = new HashMap<>();
    private Optional<Stop> stop = Optional.empty();
    private Optional<Failure> reported = Optional.empty();
    private Optional<Failure> signalled = Optional.empty();

    /**
     * @param stepStartedAt when the step started, from which the step timeout counts
     * @param now           the idle timeout counts from here until the first output
     */
    public Sentinel(Limits limits, SentinelSettings settings, SignalClassifier classifier, Instant stepStartedAt,
                    Instant now) {
        this.classifier = classifier;
        this.idle = new IdleTimeout(limits.idleTimeout(), now);
        this.finished = new FinishedNotExited(settings.exitGrace());
        this.loop = new RepeatedOutput(settings.loopRepeats());
        this.timed = List.of(finished, idle, new StepTimeout(limits.stepTimeout(), stepStartedAt));
    }

    /** The process started at {@code at}: silence counts from there. */
    public synchronized void started(Instant at) {
        idle.output(at);
    }

    /**
     * One output line, of either channel, printed at {@code at}.
     *
     * @return the signals it raised that deserve an event: each at most once per line and
     *         {@value #EVENTS_PER_SIGNAL} times per step
     */
    public synchronized List<String> line(String line, Instant at) {
        idle.output(at);
        finished.line(line, at);
        loop.line(line).ifPresent(this::halt);
        List<String> events = new ArrayList<>();
        for (Signal signal : classifier.classify(line)) {
            if (signal == Signal.WAITING_INPUT) {
                halt(Stop.kill("waiting-for-input: the agent asked for input that nobody will give: "
                        + Quote.of(line)));
            }
            Failure.of(signal).ifPresent(failure -> signalled = Optional.of(failure));
            if (worthAnEvent(signal.id())) {
                events.add(signal.id());
            }
        }
        return events;
    }

    /** The agent called a tool: work goes on, and the same call over and over is a loop. */
    public synchronized void toolCall(String tool, String detail) {
        finished.toolCall();
        loop.toolCall(tool, detail).ifPresent(this::halt);
    }

    /**
     * The agent's interpreter reported {@code error} while the step ran; it wins over the patterns.
     *
     * @return the failure's code when it deserves an event
     */
    public synchronized Optional<String> failure(AgentError error) {
        Optional<Failure> failure = Failure.of(error.kind());
        failure.ifPresent(f -> reported = failure);
        return failure.map(Failure::code).filter(this::worthAnEvent);
    }

    /** The verdict file exists at {@code at}. */
    public synchronized void verdictFile(Instant at) {
        finished.verdictFile(at);
    }

    /** Stops the step for a reason found outside the sentinel, such as a crossed limit, unless one is set. */
    public synchronized void halt(Stop reason) {
        if (stop.isEmpty()) {
            stop = Optional.of(reason);
        }
    }

    /** The stop due at {@code now}: one already found, else the first timed rule that fires. */
    public synchronized Optional<Stop> check(Instant now) {
        if (stop.isEmpty()) {
            stop = timed.stream().map(rule -> rule.check(now)).flatMap(Optional::stream).findFirst();
        }
        return stop;
    }

    /**
     * Why the step failed, once its process failed: the failure in the interpreter's final outcome, else the
     * last one it reported while running, else the last one the patterns saw.
     */
    public synchronized Optional<Failure> failure(Optional<AgentError> finalError) {
        return finalError.flatMap(e -> Failure.of(e.kind())).or(() -> reported).or(() -> signalled);
    }

    private boolean worthAnEvent(String name) {
        return raised.merge(name, 1, Integer::sum) <= EVENTS_PER_SIGNAL;
    }
}
