/**
 * A scripted model server: a local HTTP server that speaks the Anthropic Messages, OpenAI Responses, OpenAI
 * Chat Completions and Gemini {@code generateContent} APIs and answers each request from a script, so that
 * real agent CLIs, and whole Logist jobs, run end to end offline and without spending money. A script says,
 * turn by turn, whether the model calls the CLI's own file-writing tool, answers with text (a verdict), or
 * fails like a real service does (401, 429, 500, a request never answered, a stream that stalls).
 * {@link io.logist.testkit.model.AgentCliContractKit} runs an agent's contract kit that way, with its real CLI.
 */
package io.logist.testkit.model;
