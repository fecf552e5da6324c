package io.logist.core.internal.sentinel;

/** Output quoted in a reason: stripped, cut short, in single quotes, so that one line cannot flood a reason. */
final class Quote {
    static final int MAX_CHARS = 120;

    private Quote() {
    }

    static String of(String text) {
        String stripped = text.strip();
        return "'" + (stripped.length() > MAX_CHARS ? stripped.substring(0, MAX_CHARS) + "..." : stripped) + "'";
    }
}
