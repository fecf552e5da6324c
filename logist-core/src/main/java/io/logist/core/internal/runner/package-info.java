/**
 * The host runner: runs an agent command as a local process in its own session, with its output and exit code
 * in files of the step directory that it follows line by line, so that the command outlives the process that
 * started it and can be re-attached to from another one; it stops the whole session (SIGTERM, a grace period,
 * SIGKILL, then a check that nothing is left). It also holds the small Linux process utilities
 * ({@link io.logist.core.internal.runner.ProcFs}, {@link io.logist.core.internal.runner.JobProcesses}) that
 * crash recovery and the orphan sweep use to find the processes of a job again.
 */
package io.logist.core.internal.runner;
