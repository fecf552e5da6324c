package io.logist.core.internal.engine;

import io.logist.JobSettings;
import io.logist.spi.Invocation;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The complete environment of an agent process: only the variables the job passes (SPEC section 7). Values
 * that come from secret variables are remembered so that logs can redact them.
 *
 * @param values  every variable the process gets
 * @param secrets the values to redact wherever output is written
 */
record StepEnvironment(Map<String, String> values, Set<String> secrets) {
    /** Shorter values would redact ordinary words; no real key is this short. */
    private static final int MIN_SECRET_LENGTH = 6;

    static StepEnvironment of(JobSettings settings, Map<String, Object> agentOptions, Invocation invocation,
                              Map<String, String> logistEnvironment) {
        Map<String, String> values = new TreeMap<>();
        Set<String> secrets = new HashSet<>();
        for (String name : settings.environment()) {
            copy(name, logistEnvironment, values);
        }
        if (agentOptions.get("env") instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
        }
        values.putAll(invocation.environment());
        Set<String> secretNames = new HashSet<>(invocation.passThrough());
        if (agentOptions.get("apiKeyEnv") instanceof String keyName) {
            secretNames.add(keyName);
        }
        for (String name : secretNames) {
            String value = logistEnvironment.get(name);
            if (value != null) {
                values.put(name, value);
                if (value.length() >= MIN_SECRET_LENGTH) {
                    secrets.add(value);
                }
            }
        }
        return new StepEnvironment(Map.copyOf(values), Set.copyOf(secrets));
    }

    private static void copy(String name, Map<String, String> from, Map<String, String> to) {
        String value = from.get(name);
        if (value != null) {
            to.put(name, value);
        }
    }

    /** The line with every secret value replaced. */
    String redact(String line) {
        String result = line;
        for (String secret : secrets) {
            result = result.replace(secret, "****");
        }
        return result;
    }
}
