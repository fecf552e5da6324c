/**
 * The sentinel and the observer's output signals (SPEC section 6): pure rules that watch a running step, fed
 * with its output lines and the agent's signals, and asked on a timer whether the step must stop and why.
 * Time is always passed in, so that tests advance a manual clock instead of waiting. The rules decide; the
 * engine kills processes, writes events and records the reasons.
 */
package io.logist.core.internal.sentinel;
