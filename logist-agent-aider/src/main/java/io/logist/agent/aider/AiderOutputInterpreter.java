package io.logist.agent.aider;

import io.logist.Usage;
import io.logist.agent.support.CliOutputInterpreter;
import io.logist.agent.support.PriceTable;
import io.logist.agent.support.StderrTail;
import io.logist.spi.AgentError;
import io.logist.spi.AgentError.Kind;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentSignal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads aider's plain output ({@code --no-pretty --no-stream}), whose lines it documents: a usage report after
 * each reply ({@code Tokens: 2.3k sent, 450 received. Cost: $0.02 message, $0.05 session.}, the cost on a line
 * of its own when cache tokens are reported, none for models aider cannot price), {@code Applied edit to PATH}
 * for each file it edited, and litellm's exceptions when a model call fails. Aider retries the retryable ones
 * and exits 0 even when every attempt failed, so a failure is the last error printed and not followed by a
 * usage report. Every other line is what the model said.
 */
final class AiderOutputInterpreter extends CliOutputInterpreter {
    private static final String NUMBER = "\\d+(?:\\.\\d+)?";
    /** Token counts are rounded: {@code 730}, {@code 2.3k}, {@code 16k}. */
    private static final String TOKENS_COUNT = "(" + NUMBER + "[kKmM]?)";
    private static final Pattern TOKENS = Pattern.compile("Tokens: " + TOKENS_COUNT + " sent(?:, " + TOKENS_COUNT
            + " cache write)?(?:, " + TOKENS_COUNT + " cache hit)?, " + TOKENS_COUNT + " received\\."
            + "(?: Cost: \\$(" + NUMBER + ") message, \\$" + NUMBER + " session\\.)?\\s*");
    private static final Pattern COST = Pattern.compile("Cost: \\$(" + NUMBER + ") message, \\$" + NUMBER
            + " session\\.\\s*");
    private static final Pattern APPLIED_EDIT = Pattern.compile("Applied edit to (.+)");
    private static final Pattern RETRYING = Pattern.compile("Retrying in " + NUMBER + " seconds\\.\\.\\.\\s*");
    private static final Pattern LITELLM_ERROR = Pattern.compile("litellm\\.(\\w+): .*");
    private static final Pattern TOKEN_LIMIT = Pattern.compile("Model .+ has hit a token limit!\\s*");
    /** litellm's exceptions by what they mean; aider does not retry the ones in {@link #FINAL_ERRORS}. */
    private static final Map<String, Kind> ERROR_KINDS = Map.ofEntries(
            Map.entry("AuthenticationError", Kind.AUTHENTICATION), Map.entry("PermissionDeniedError", Kind.AUTHENTICATION),
            Map.entry("RateLimitError", Kind.RATE_LIMIT), Map.entry("RouterRateLimitError", Kind.RATE_LIMIT),
            Map.entry("InternalServerError", Kind.SERVER), Map.entry("ServiceUnavailableError", Kind.SERVER),
            Map.entry("ContextWindowExceededError", Kind.CONTEXT_OVERFLOW),
            Map.entry("APIConnectionError", Kind.NETWORK), Map.entry("Timeout", Kind.NETWORK));
    private static final Set<String> FINAL_ERRORS = Set.of("AuthenticationError", "PermissionDeniedError",
            "ContextWindowExceededError", "BadRequestError", "NotFoundError");
    /** The explanations aider prints below an exception, from its exceptions table. */
    private static final Map<String, Kind> DESCRIPTIONS = Map.of(
            "The API provider is not able to authenticate you. Check your API key.", Kind.AUTHENTICATION,
            "The API provider has rate limited you. Try again later or check your quotas.", Kind.RATE_LIMIT,
            "The API provider's servers are down or overloaded.", Kind.SERVER,
            "The API provider timed out without returning a response. They may be down or overloaded.", Kind.NETWORK);

    private final Optional<String> model;
    private final PriceTable prices;
    private final List<String> said = new ArrayList<>();
    private Optional<AgentError> error = Optional.empty();
    /** Whether the last usage report had no cost and no price, so that a cost line of its own completes it. */
    private boolean costToCome;

    /**
     * @param model  the configured model, for the price table
     * @param prices prices for models aider reports no cost for
     */
    AiderOutputInterpreter(Optional<String> model, PriceTable prices) {
        super(new StderrTail());
        this.model = model;
        this.prices = prices;
    }

    @Override
    protected List<AgentSignal> onStdout(String line) {
        Matcher tokens = TOKENS.matcher(line);
        if (tokens.matches()) {
            // A usage report follows a reply: the attempts that failed before it were retried successfully.
            error = Optional.empty();
            return List.of(new AgentSignal.UsageDelta(usage(tokens)));
        }
        Matcher cost = COST.matcher(line);
        if (cost.matches()) {
            boolean completes = costToCome;
            costToCome = false;
            return completes ? List.of(new AgentSignal.UsageDelta(Usage.of(0, 0, new BigDecimal(cost.group(1)))))
                    : List.of();
        }
        Matcher edit = APPLIED_EDIT.matcher(line);
        if (edit.matches()) {
            return List.of(new AgentSignal.ToolCall("edit", edit.group(1).strip()));
        }
        Matcher exception = LITELLM_ERROR.matcher(line);
        if (exception.matches()) {
            return failed(ERROR_KINDS.getOrDefault(exception.group(1), Kind.OTHER), line,
                    FINAL_ERRORS.contains(exception.group(1)));
        }
        if (TOKEN_LIMIT.matcher(line).matches()) {
            return failed(Kind.CONTEXT_OVERFLOW, line, true);
        }
        Kind described = DESCRIPTIONS.get(line.strip());
        if (described != null || RETRYING.matcher(line).matches()) {
            if (described != null && error.isEmpty()) {
                error = Optional.of(new AgentError(described, line.strip()));
            }
            return List.of();
        }
        said.add(line);
        return line.isBlank() ? List.of() : List.of(new AgentSignal.Message(line));
    }

    @Override
    public AgentOutcome finish(int exitCode) {
        Optional<AgentError> failure = error.or(() -> exitCode == 0 ? Optional.empty()
                : Optional.of(new AgentError(Kind.OTHER,
                        stderrTail().appendedTo("aider exited with code " + exitCode))));
        return new AgentOutcome(String.join("\n", said).strip(), failure);
    }

    /**
     * Remembers a failed model call; reports it at once only when aider does not retry it, since a retried one
     * is a failure only if no reply follows.
     */
    private List<AgentSignal> failed(Kind kind, String line, boolean notRetried) {
        AgentError failure = new AgentError(kind, line.strip());
        error = Optional.of(failure);
        return notRetried ? List.of(new AgentSignal.Failure(failure)) : List.of();
    }

    private Usage usage(Matcher report) {
        long input = tokens(report.group(1)) + Optional.ofNullable(report.group(3)).map(AiderOutputInterpreter::tokens)
                .orElse(0L);
        long output = tokens(report.group(4));
        Optional<BigDecimal> cost = Optional.ofNullable(report.group(5)).map(BigDecimal::new)
                .or(() -> prices.cost(model, input, output));
        costToCome = cost.isEmpty();
        return new Usage(input, output, cost);
    }

    /** {@code 730}, {@code 2.3k} or {@code 1.2M} as a whole number of tokens. */
    private static long tokens(String count) {
        char unit = Character.toLowerCase(count.charAt(count.length() - 1));
        BigDecimal scale = unit == 'k' ? BigDecimal.valueOf(1_000) : unit == 'm' ? BigDecimal.valueOf(1_000_000)
                : BigDecimal.ONE;
        String digits = Character.isDigit(unit) ? count : count.substring(0, count.length() - 1);
        return new BigDecimal(digits).multiply(scale).longValue();
    }
}
