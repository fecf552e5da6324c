/**
 * The host runner: runs an agent command as a local child process in its own session, streams its output
 * line by line, and stops the whole session (SIGTERM, a grace period, SIGKILL, then a check that nothing is
 * left). It also holds the small Linux process utilities ({@link io.logist.core.internal.runner.ProcFs})
 * that crash recovery and the orphan sweep reuse to find the processes of an execution again.
 */
package io.logist.core.internal.runner;
