package io.logist.core.internal.engine;

import io.logist.JobId;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/** Generates ids like {@code fix-login-3f9a}: a few words of the name or prompt, then random hex. */
final class JobIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WORDS = 3;
    private static final int MAX_SLUG = 24;

    private JobIds() {
    }

    /** Up to three lower-case words of {@code text}, joined by dashes; {@code job} when none are usable. */
    static String slug(String text) {
        String slug = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty())
                .limit(WORDS)
                .collect(Collectors.joining("-"));
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "job" : slug;
    }

    static JobId generate(String slug) {
        byte[] bytes = new byte[2];
        RANDOM.nextBytes(bytes);
        return JobId.of(slug + "-" + HexFormat.of().formatHex(bytes));
    }
}
