package io.logist.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One model request, read the same way whichever API it came through.
 *
 * @param model            the model the request names
 * @param stream           whether the answer is a stream of server-sent events
 * @param tools            the tools it offers
 * @param workingDirectory the CLI's working directory, when its prompt names it, to make file paths absolute
 *                         for tools that need them
 * @param inputTokens      the tokens it is counted as
 */
record ModelCall(String model, boolean stream, List<OfferedTool> tools, Optional<String> workingDirectory,
                 long inputTokens) {
    /** How CLIs name their working directory in the prompts they send (Claude Code, Cline, Codex, Gemini). */
    private static final List<Pattern> WORKING_DIRECTORY = List.of(
            Pattern.compile("(?i)working directory:\\s*(/[^\\s<>\"'`]+)"),
            Pattern.compile("<cwd>\\s*(/[^<\\s]+)\\s*</cwd>"),
            Pattern.compile("(?i)currently working in the directory:?\\s*(/[^\\s<>\"'`]+)"));
    /** A common rule of thumb for English and code. */
    private static final int CHARACTERS_PER_TOKEN = 4;

    ModelCall {
        Objects.requireNonNull(model, "model");
        tools = List.copyOf(tools);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    static ModelCall of(String model, boolean stream, List<OfferedTool> tools, JsonNode body) {
        return new ModelCall(model, stream, tools, workingDirectory(body), tokens(body.toString()));
    }

    static long tokens(String text) {
        return Math.max(1, text.length() / CHARACTERS_PER_TOKEN);
    }

    Optional<OfferedTool> tool(String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    private static Optional<String> workingDirectory(JsonNode body) {
        List<String> texts = new ArrayList<>();
        collectTexts(body, texts);
        for (Pattern pattern : WORKING_DIRECTORY) {
            for (String text : texts) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    return Optional.of(matcher.group(1).replaceAll("[.,;:)]+$", ""));
                }
            }
        }
        return Optional.empty();
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collectTexts(child, texts));
    }
}
