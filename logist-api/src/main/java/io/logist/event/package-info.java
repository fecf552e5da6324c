/**
 * The typed events of a job. Each is persisted append-only with a sequence number that starts at 1 and
 * strictly increases per job, and is delivered to every {@link io.logist.spi.Observer}.
 */
package io.logist.event;
