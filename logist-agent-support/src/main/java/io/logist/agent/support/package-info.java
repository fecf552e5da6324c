/**
 * The pieces every plugin that runs an agent's command-line tool needs, written once for Logist's own agents and
 * for third-party ones: an {@link io.logist.agent.support.OptionReader} that reads {@code agents.<id>.*} values and
 * reports every invalid one at once, the {@link io.logist.agent.support.CommonOptions} every agent understands, a
 * {@link io.logist.agent.support.PriceTable} for CLIs that report tokens but no cost, a
 * {@link io.logist.agent.support.ToolProbe} and {@link io.logist.agent.support.CliAgentProvider} that find the CLI
 * and ask it for its version, an {@link io.logist.agent.support.IsolatedHome} that keeps the user's own
 * configuration out of a step, {@link io.logist.agent.support.KeyVariable} to hand the CLI its key by name, and
 * helpers to read a CLI's JSON lines, its standard error and its tool calls.
 */
package io.logist.agent.support;
