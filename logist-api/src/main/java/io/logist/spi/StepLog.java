package io.logist.spi;

/** An open, append-only step log. Each line is flushed as it is appended so that followers see it. */
public interface StepLog extends AutoCloseable {
    void append(String line);

    @Override
    void close();
}
