/**
 * The verdict protocol: the instructions Logist appends to every prompt, and the parser that reads an agent's
 * verdict (from {@code .logist/verdict.json} or its final message) and checks it, with errors precise enough
 * to be sent back to the agent when it is asked again.
 */
package io.logist.core.internal.verdict;
