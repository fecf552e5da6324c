/**
 * Configuration of SPEC section 7: merges the built-in defaults, the {@code logist.yml} files and dotted
 * overrides ({@code --set}, {@code JobSpec.settings()}) into a validated {@link io.logist.JobSettings},
 * reporting every problem at once with the file and line it came from.
 */
package io.logist.core.internal.config;
