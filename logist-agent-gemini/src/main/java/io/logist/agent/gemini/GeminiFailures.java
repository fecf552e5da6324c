package io.logist.agent.gemini;

import io.logist.agent.support.FailureKinds;
import io.logist.agent.support.StderrTail;
import io.logist.spi.AgentError;
import io.logist.spi.AgentError.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a failure the Gemini CLI reports. Its error messages carry the API's own error object, such as
 * {@code [API Error: {"error":{"code":401,...,"status":"UNAUTHENTICATED"}}]}, so the HTTP status decides; the
 * words decide when there is none (quota messages, network failures). Its exit code is the HTTP status modulo
 * 256, which is only a fallback for a process that died before printing its result.
 */
final class GeminiFailures {
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(\\d{3})");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Map<String, Integer> GRPC_STATUS = Map.of(
            "UNAUTHENTICATED", 401, "PERMISSION_DENIED", 403, "RESOURCE_EXHAUSTED", 429,
            "INTERNAL", 500, "UNAVAILABLE", 503, "DEADLINE_EXCEEDED", 504);
    private static final Pattern CONTEXT_OVERFLOW = Pattern.compile(
            "(?i)exceeds the maximum number of tokens|context (window|length)|too many tokens|prompt is too long"
                    + "|input token count");
    private static final Pattern RATE_LIMIT = Pattern.compile(
            "(?i)resource has been exhausted|quota|rate.?limit|too many requests");
    private static final Pattern AUTHENTICATION = Pattern.compile(
            "(?i)api key not valid|invalid api key|unauthenticated|permission denied|authenticat");
    private static final Pattern NETWORK = Pattern.compile(
            "(?i)fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|socket hang up|timed out");
    /** Exit codes of the CLI's fatal errors (its FatalAuthenticationError), by what they mean. */
    private static final Map<Integer, Kind> FATAL_EXIT_CODES = Map.of(41, Kind.AUTHENTICATION);
    private static final List<Integer> STATUSES = List.of(400, 401, 403, 413, 429, 500, 502, 503, 504);

    private GeminiFailures() {
    }

    /** The failure a message of the CLI describes. */
    static AgentError classify(String message) {
        Optional<Integer> status = httpStatus(message);
        Kind kind;
        if (CONTEXT_OVERFLOW.matcher(message).find()) {
            kind = Kind.CONTEXT_OVERFLOW;
        } else if (status.isPresent()) {
            kind = FailureKinds.ofHttpStatus(status.get());
        } else if (RATE_LIMIT.matcher(message).find()) {
            kind = Kind.RATE_LIMIT;
        } else if (AUTHENTICATION.matcher(message).find()) {
            kind = Kind.AUTHENTICATION;
        } else if (NETWORK.matcher(message).find()) {
            kind = Kind.NETWORK;
        } else {
            kind = Kind.OTHER;
        }
        return new AgentError(kind, message);
    }

    /**
     * What an exit code says when no result line did: the CLI exits with the HTTP status modulo 256, or with a
     * code of its own for fatal errors.
     *
     * @param stderrTail the last lines of standard error, which say more
     */
    static AgentError byExitCode(int exitCode, StderrTail stderrTail) {
        String message = "gemini exited with code " + exitCode;
        Kind kind = FATAL_EXIT_CODES.getOrDefault(exitCode, Kind.OTHER);
        Optional<Integer> status = STATUSES.stream().filter(code -> code % 256 == exitCode).findFirst();
        if (status.isPresent()) {
            kind = FailureKinds.ofHttpStatus(status.get());
            message += " (HTTP " + status.get() + ")";
        } else if (kind == Kind.AUTHENTICATION) {
            message += " (authentication failed)";
        }
        return new AgentError(kind, stderrTail.appendedTo(message));
    }

    private static Optional<Integer> httpStatus(String message) {
        Matcher code = CODE.matcher(message);
        if (code.find()) {
            return Optional.of(Integer.parseInt(code.group(1)));
        }
        Matcher status = STATUS.matcher(message);
        return status.find() ? Optional.ofNullable(GRPC_STATUS.get(status.group(1))) : Optional.empty();
    }
}
