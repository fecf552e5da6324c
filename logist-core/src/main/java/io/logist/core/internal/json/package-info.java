/**
 * The JSON form of Logist's values: one configured Jackson mapper that writes and reads the API records
 * (manifests, steps, settings, usage) and the flat one-line form of job events used by {@code events.jsonl}
 * and {@code --json} output, without putting any Jackson annotation into the API.
 */
package io.logist.core.internal.json;
