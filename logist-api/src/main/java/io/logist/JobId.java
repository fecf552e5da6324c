package io.logist;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The short, URL-safe identifier of a job, such as {@code fix-login-3f9a}.
 *
 * @param value lower-case letters, digits and dashes, 1 to 64 characters, starting with a letter or digit
 */
public record JobId(String value) implements Comparable<JobId> {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public JobId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new BadInputException("job id '" + value + "' is not valid: use 1 to 64 lower-case letters,"
                    + " digits and dashes, starting with a letter or digit");
        }
    }

    /** Parses a job id typed by a person. */
    public static JobId of(String value) {
        return new JobId(value);
    }

    @Override
    public int compareTo(JobId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
