/**
 * The {@code claude-code} agent: runs Anthropic's Claude Code CLI as a oneshot ({@code claude -p} with the prompt
 * on standard input and {@code --output-format stream-json}), isolated from the user's own configuration when
 * asked, and reads its output line by line into messages, tool calls, token usage, cost, the session id, the
 * final message and a classified error.
 */
package io.logist.agent.claude;
