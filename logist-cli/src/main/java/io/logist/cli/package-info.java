/**
 * The {@code logist} command line: one picocli command class per command, sharing {@link
 * io.logist.cli.LogistSubcommand} for the Logist home, the opening of the library and the mapping of
 * results and errors to exit codes. It uses only the public API ({@code io.logist}, {@code io.logist.event},
 * {@link io.logist.spi.Observer}); its JSON output is rendered here, so the machine output stays stable
 * whatever the engine stores.
 */
package io.logist.cli;
