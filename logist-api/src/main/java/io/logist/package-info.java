/**
 * The embedder API: build a {@link io.logist.Logist} with {@link io.logist.Logist#builder()}, create jobs
 * from a {@link io.logist.JobSpec}, run them and read their {@link io.logist.JobInfo}. Every type here is
 * immutable; absent values are {@link java.util.Optional}, never null.
 */
package io.logist;
