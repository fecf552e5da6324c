/**
 * Integration test bases for container runner modules, run against a real engine: the runner contract, the
 * runner's own behaviour, and whole jobs with the mock agent. An engine module extends each with its provider.
 */
package io.logist.runner.container.it;
