/**
 * The {@code codex} agent: runs OpenAI's Codex CLI as a oneshot ({@code codex exec --json} with the prompt on
 * standard input), pointed at the configured OpenAI-compatible endpoint through a model provider of its own,
 * isolated from the user's own configuration when asked, and reads its events line by line into messages, tool
 * calls, token usage, the session id, the final message and a classified error.
 */
package io.logist.agent.codex;
