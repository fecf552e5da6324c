/**
 * Contract test kits: abstract JUnit 5 classes that a {@link io.logist.spi.Runner},
 * {@link io.logist.spi.AgentProvider} or {@link io.logist.spi.JobStore} implementation extends to prove it
 * keeps the contract the engine relies on.
 */
package io.logist.testkit;
