package io.logist.core.internal.config;

/**
 * Where a configuration value was written.
 *
 * @param layer    the precedence of its source: 0 for the built-in defaults, then each file, then the overrides
 * @param line     its line in the source, or the position of an override; orders problems within a layer
 * @param source   the file, the override such as {@code --set runner}, or {@link #BUILT_IN}
 * @param showLine whether people are shown the line (files) or the line means nothing to them
 */
record Origin(int layer, int line, String source, boolean showLine) {
    static final String BUILT_IN = "built-in default";

    /** How people see it: {@code /repo/logist.yml line 7}, {@code --set runner}. */
    String description() {
        return showLine ? source + " line " + line : source;
    }

    Origin withoutLine() {
        return new Origin(layer, line, source, false);
    }
}
