/**
 * The default {@link io.logist.spi.JobStore}: plain files under the Logist home ({@code jobs/<id>/job.json},
 * {@code events.jsonl}, {@code logs/}, {@code lock}), written so that a crash at any moment leaves every job
 * readable, with advisory file locks that keep one owner per job across processes.
 */
package io.logist.core.internal.store;
