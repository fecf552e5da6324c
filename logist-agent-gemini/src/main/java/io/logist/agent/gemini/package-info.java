/**
 * The {@code gemini} agent: runs Google's Gemini CLI ({@code @google/gemini-cli}) for one oneshot, with the
 * prompt on standard input, {@code --yolo} so that tools run without asking, and {@code -o stream-json} output
 * that is read line by line for the assistant's text, tool calls, token usage, the session id and failures.
 * Its settings are written into the step directory; unless {@code inheritUserConfig} is set, its home is
 * there too, so the user's own configuration and login are never read or changed.
 */
package io.logist.agent.gemini;
