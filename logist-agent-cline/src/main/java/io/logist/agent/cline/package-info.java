/**
 * The {@code cline} agent: runs the Cline CLI ({@code npm install -g cline}) for one oneshot in act mode with
 * its tools auto-approved and {@code --json} output, read line by line for the assistant's text, tool calls,
 * token usage and cost per model call, and failures. Its provider settings, its log and, unless
 * {@code inheritUserConfig} is set, its whole home live in the step directory; its session backend is kept
 * in-process, so that no hub daemon outlives the step.
 */
package io.logist.agent.cline;
