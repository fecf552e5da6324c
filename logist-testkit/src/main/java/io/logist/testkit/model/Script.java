package io.logist.testkit.model;

import java.util.List;
import java.util.Objects;

/**
 * The turns a {@link ScriptedModelServer} answers with, in order, one per model request; once they are used up,
 * every further request gets {@link #whenDone()}. One script can serve several CLI runs in a row, such as a
 * worker step followed by a supervisor step.
 *
 * @param turns    the turns, first answered first
 * @param whenDone the answer to every request after the last turn
 */
public record Script(List<Turn> turns, Turn whenDone) {
    /** The answer once the turns are used up, unless a script says otherwise: the work is approved. */
    public static final Turn COMPLETED = Turn.verdict("COMPLETED", "The scripted model completed the task.");

    public Script {
        turns = List.copyOf(turns);
        Objects.requireNonNull(whenDone, "whenDone");
    }

    /** These turns, then {@link #COMPLETED} for every further request. */
    public static Script of(Turn... turns) {
        return new Script(List.of(turns), COMPLETED);
    }

    /** Every request fails this way. */
    public static Script failing(Failure failure) {
        return new Script(List.of(), Turn.fail(failure));
    }

    /** The same turns, then {@code turn} for every further request. */
    public Script thenAlways(Turn turn) {
        return new Script(turns, turn);
    }
}
