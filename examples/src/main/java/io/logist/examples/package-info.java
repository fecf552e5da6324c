/**
 * Small programs that embed Logist the way an application would. The build runs them, and the README's
 * library snippets are taken from them, so the documentation cannot drift from code that works.
 */
package io.logist.examples;
