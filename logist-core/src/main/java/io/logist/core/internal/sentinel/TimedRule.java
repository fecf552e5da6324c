package io.logist.core.internal.sentinel;

import java.time.Instant;
import java.util.Optional;

/** A rule that can only fire as time passes, so the watch loop asks it on every tick. */
interface TimedRule {
    /** The stop due at {@code now}, if one is. */
    Optional<Stop> check(Instant now);
}
