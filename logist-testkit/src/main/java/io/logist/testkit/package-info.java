/**
 * Contract test kits: abstract JUnit 5 classes that a {@link io.logist.spi.Runner},
 * {@link io.logist.spi.AgentProvider} or {@link io.logist.spi.JobStore} implementation extends to prove it
 * keeps the contract the engine relies on; and {@link io.logist.testkit.Recordings}, a CLI's recorded output to
 * test an agent's output interpreter with.
 */
package io.logist.testkit;
