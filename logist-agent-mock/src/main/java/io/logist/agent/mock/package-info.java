/**
 * The {@code mock} agent: a POSIX {@code sh} script shipped in the jar that plays a worker or a supervisor
 * the way a real agent CLI would (edits a workspace file, prints progress, usage and a verdict), with
 * scenarios for the failures Logist must handle (stuck, no verdict, crash, hang, slow, waiting for input).
 * It runs as a real process through whatever runner the job uses, so jobs can be tried end to end without
 * a model.
 */
package io.logist.agent.mock;
