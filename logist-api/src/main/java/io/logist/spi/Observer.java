package io.logist.spi;

import io.logist.JobId;
import io.logist.event.JobEvent;

/**
 * Watches jobs as they run. Every method has a no-op default. An exception thrown by an observer is
 * logged and never changes what the job does.
 */
public interface Observer {
    /** An observer that ignores everything. */
    Observer NOOP = new Observer() {
    };

    /** A persisted event, after it was stored. */
    default void onEvent(JobId job, JobEvent event) {
    }

    /** A line the agent printed, as it was printed. */
    default void onOutput(JobId job, int step, OutputChannel channel, String line) {
    }

    /** Something the agent's output reported, as the agent's interpreter read it. */
    default void onSignal(JobId job, int step, AgentSignal signal) {
    }
}
