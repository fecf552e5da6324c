package io.logist.agent.cline;

import io.logist.agent.support.FailureKinds;
import io.logist.spi.AgentError;
import io.logist.spi.AgentError.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a failure cline reports in an {@code error} event: its {@code errorClass} names authentication and
 * context-window failures; the words name the rest. Its error messages are the provider's message without the
 * HTTP status, so when the words say nothing, the status cline logged for the failed request decides.
 */
final class ClineFailures {
    private static final Pattern CONTEXT_OVERFLOW = Pattern.compile("(?i)context (window|length)|maximum context"
            + "|too many tokens|prompt is too long|input is too long|exceeds the maximum number of tokens"
            + "|tokens? exceeds?");
    private static final Pattern RATE_LIMIT = Pattern.compile(
            "(?i)rate.?limit|too many requests|quota|resource has been exhausted|\\b429\\b");
    private static final Pattern AUTHENTICATION = Pattern.compile("(?i)unauthori[sz]ed|invalid (x-)?api.?key"
            + "|api key not valid|incorrect api key|authentication|\\b40[13]\\b");
    private static final Pattern NETWORK = Pattern.compile("(?i)cannot connect to api|unable to connect"
            + "|connectionrefused|failedtoopensocket|econnrefused|econnreset|enotfound|fetch failed|timed out"
            + "|socket hang up");
    private static final Pattern SERVER = Pattern.compile("(?i)internal server error|overloaded|service unavailable"
            + "|bad gateway|gateway timeout|server error|\\b5\\d\\d\\b");
    /** How cline's log records the HTTP status of a failed provider request. */
    private static final Pattern LOGGED_STATUS = Pattern.compile("\"statusCode\":(\\d{3})");

    private ClineFailures() {
    }

    /**
     * The failure an error event reports. When cline's class of the error or its logged HTTP status decided the
     * kind, the message says so, since cline's own message may not (a refused key can read "Unauthorized" or
     * anything the provider answered).
     *
     * @param errorClass cline's class of the error ({@code auth}, {@code context_window_exceeded}, ...)
     * @param message    its message
     * @param log        cline's log of the step, read only when the words say nothing
     */
    static AgentError classify(Optional<String> errorClass, String message, Path log) {
        Optional<Kind> byClass = errorClass.flatMap(ClineFailures::byClass);
        if (byClass.isPresent()) {
            return new AgentError(byClass.get(), describe(byClass.get()) + " (cline error class " + errorClass.get()
                    + "): " + message);
        }
        Optional<Kind> byWords = byWords(message);
        if (byWords.isPresent()) {
            return new AgentError(byWords.get(), message);
        }
        OptionalInt status = lastLoggedStatus(log);
        Kind byStatus = status.isPresent() ? FailureKinds.ofHttpStatus(status.getAsInt()) : Kind.OTHER;
        if (byStatus != Kind.OTHER) {
            return new AgentError(byStatus, describe(byStatus) + " (HTTP " + status.getAsInt() + " in cline's log): "
                    + message);
        }
        return new AgentError(Kind.OTHER, message);
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case AUTHENTICATION -> "authentication refused";
            case RATE_LIMIT -> "rate limited";
            case SERVER -> "model server error";
            case CONTEXT_OVERFLOW -> "context window exceeded";
            case NETWORK -> "model server unreachable";
            case OTHER -> "failed";
        };
    }

    private static Optional<Kind> byClass(String errorClass) {
        return switch (errorClass) {
            case "auth" -> Optional.of(Kind.AUTHENTICATION);
            case "context_window_exceeded" -> Optional.of(Kind.CONTEXT_OVERFLOW);
            default -> Optional.empty();
        };
    }

    private static Optional<Kind> byWords(String message) {
        if (CONTEXT_OVERFLOW.matcher(message).find()) {
            return Optional.of(Kind.CONTEXT_OVERFLOW);
        }
        if (RATE_LIMIT.matcher(message).find()) {
            return Optional.of(Kind.RATE_LIMIT);
        }
        if (AUTHENTICATION.matcher(message).find()) {
            return Optional.of(Kind.AUTHENTICATION);
        }
        if (NETWORK.matcher(message).find()) {
            return Optional.of(Kind.NETWORK);
        }
        return SERVER.matcher(message).find() ? Optional.of(Kind.SERVER) : Optional.empty();
    }

    /** The HTTP status of the last failed request cline logged, when its log is here (not in a container). */
    private static OptionalInt lastLoggedStatus(Path log) {
        if (!Files.isRegularFile(log)) {
            return OptionalInt.empty();
        }
        try {
            Matcher status = LOGGED_STATUS.matcher(Files.readString(log, StandardCharsets.UTF_8));
            OptionalInt last = OptionalInt.empty();
            while (status.find()) {
                last = OptionalInt.of(Integer.parseInt(status.group(1)));
            }
            return last;
        } catch (IOException unreadable) {
            return OptionalInt.empty();
        }
    }
}
