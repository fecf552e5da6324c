/**
 * The {@code aider} agent: runs Aider ({@code aider-chat} on PyPI) for one oneshot with {@code --message-file},
 * answering yes to its questions, never committing (Logist commits each step) and printing plain text, which is
 * read line by line for its usage reports, the files it edited and the errors it reports. Aider prints no
 * structured output, so this agent reads its documented human-readable lines; it was built from Aider's
 * documentation and has not been run against a live Aider here.
 */
package io.logist.agent.aider;
