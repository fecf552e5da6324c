/**
 * The engine behind {@link io.logist.Logist}: the job state machine, the worker/supervisor loop, step
 * execution with its limits, prompts, a person's control of jobs (cancel, approve, restep, harvest, clean and
 * the rest), and plugin discovery. It ties the store, the workspaces, the configuration and the plugins
 * together.
 */
package io.logist.core.internal.engine;
