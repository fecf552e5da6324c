package io.logist.spi;

/** Which output stream of an agent a line came from. */
public enum OutputChannel {
    STDOUT, STDERR
}
