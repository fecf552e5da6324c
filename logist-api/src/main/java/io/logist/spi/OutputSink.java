package io.logist.spi;

/**
 * Receives an execution's output line by line, as it is printed. Called from the runner's reader threads;
 * lines of one channel arrive in order.
 */
@FunctionalInterface
public interface OutputSink {
    void line(OutputChannel channel, String line);
}
