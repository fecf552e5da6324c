/**
 * The engine behind {@link io.logist.Logist}: the job state machine, the worker/supervisor loop, step
 * execution with its limits, prompts, and plugin discovery. It ties the store, the workspaces, the
 * configuration and the plugins together.
 */
package io.logist.core.internal.engine;
