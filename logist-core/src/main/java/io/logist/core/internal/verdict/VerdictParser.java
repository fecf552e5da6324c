package io.logist.core.internal.verdict;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and checks an agent's verdict. The file {@code .logist/verdict.json} in the workspace wins when it
 * exists (the engine removes it before each step); otherwise the last fenced json block of the final message;
 * otherwise the last top-level JSON object in it that has an {@code action}. Every error is phrased for the
 * agent, because the engine sends it back when it asks again.
 */
public final class VerdictParser {
    /** Where an agent may write its verdict, relative to the workspace. */
    public static final String VERDICT_FILE = ".logist/verdict.json";
    static final int MAX_SUMMARY_CHARS = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FENCED_JSON = Pattern.compile("```(?i:json)[ \\t]*\\R(.*?)```", Pattern.DOTALL);
    private static final String ACTIONS = Arrays.stream(Verdict.Action.values())
            .map(Enum::name).collect(Collectors.joining(", "));

    private VerdictParser() {
    }

    /**
     * The verdict of a oneshot.
     *
     * @param finalMessage the agent's final message
     * @param workspace    the job's workspace, where the verdict file and the evidence files are looked up
     */
    public static VerdictResult parse(String finalMessage, Path workspace) {
        Path file = workspace.resolve(VERDICT_FILE);
        if (Files.exists(file)) {
            String content;
            try {
                content = Files.readString(file);
            } catch (IOException e) {
                return new VerdictResult.Invalid(VERDICT_FILE + " could not be read: " + e.getMessage());
            }
            return fromJson(content, VERDICT_FILE, VerdictResult.Valid.FILE, workspace);
        }
        return parseMessage(finalMessage, workspace);
    }

    /**
     * The verdict in a message alone, such as a hand-written one: the last fenced json block, else the last
     * top-level JSON object with an {@code action}. Evidence files are checked against {@code workspace}.
     */
    public static VerdictResult parseMessage(String finalMessage, Path workspace) {
        Optional<String> lastBlock = lastFencedBlock(finalMessage);
        if (lastBlock.isPresent()) {
            return fromJson(lastBlock.get(), "the last ```json block", VerdictResult.Valid.FENCED_BLOCK, workspace);
        }
        return lastObjectWithAction(finalMessage)
                .map(object -> validate(object, "the verdict object", VerdictResult.Valid.OBJECT, workspace))
                .orElseGet(() -> new VerdictResult.Invalid("no verdict found: end your reply with a fenced ```json"
                        + " block {\"action\": \"COMPLETED|RETRY|STUCK\", \"summary_for_supervisor\": \"...\","
                        + " \"evidence_files\": [...]} or write it to " + VERDICT_FILE));
    }

    private static Optional<String> lastFencedBlock(String message) {
        Matcher matcher = FENCED_JSON.matcher(message);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return Optional.ofNullable(last);
    }

    /**
     * Parses JSON values at every '{' from left to right, skipping over each object found, so that braces in
     * prose are ignored and braces inside JSON strings are Jackson's business. Objects nested in a found object
     * are never candidates: the verdict is a top-level object.
     */
    private static Optional<JsonNode> lastObjectWithAction(String message) {
        char[] text = message.toCharArray();
        List<JsonNode> objects = new ArrayList<>();
        int start = message.indexOf('{');
        while (start >= 0) {
            int next = start + 1;
            try (JsonParser parser = MAPPER.createParser(text, start, text.length - start)) {
                JsonNode object = parser.readValueAsTree();
                objects.add(object);
                next = start + (int) parser.currentLocation().getCharOffset();
            } catch (IOException notJson) {
                // Prose such as "use {braces}": try the next '{'.
            }
            start = message.indexOf('{', next);
        }
        for (int i = objects.size() - 1; i >= 0; i--) {
            if (objects.get(i).has("action")) {
                return Optional.of(objects.get(i));
            }
        }
        return Optional.empty();
    }

    private static VerdictResult fromJson(String json, String where, String source, Path workspace) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return new VerdictResult.Invalid(where + " is not valid JSON: " + describe(e));
        }
        if (!node.isObject()) {
            return new VerdictResult.Invalid(where + " must hold one JSON object {\"action\": ...}, not "
                    + (node.isMissingNode() ? "nothing" : "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return validate(node, where, source, workspace);
    }

    private static VerdictResult validate(JsonNode object, String where, String source, Path workspace) {
        List<String> problems = new ArrayList<>();
        Optional<Verdict.Action> action = action(object.path("action"), problems);
        Optional<String> summary = summary(object.path("summary_for_supervisor"), problems);
        List<String> evidence = new EvidenceFiles(workspace).check(object.path("evidence_files"), problems);
        if (!problems.isEmpty()) {
            return new VerdictResult.Invalid(where + ": " + String.join("; ", problems));
        }
        return new VerdictResult.Valid(new Verdict(action.orElseThrow(), summary.orElseThrow(), evidence), source);
    }

    private static Optional<Verdict.Action> action(JsonNode node, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            problems.add("action is missing: set it to one of " + ACTIONS);
            return Optional.empty();
        }
        String given = node.isTextual() ? node.asText() : node.toString();
        String normalised = given.strip().toUpperCase(Locale.ROOT);
        Optional<Verdict.Action> action = node.isTextual()
                ? Arrays.stream(Verdict.Action.values()).filter(known -> known.name().equals(normalised)).findFirst()
                : Optional.empty();
        if (action.isEmpty()) {
            problems.add("action '" + given + "' is not one of " + ACTIONS);
        }
        return action;
    }

    private static Optional<String> summary(JsonNode node, List<String> problems) {
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add("summary_for_supervisor must be a non-empty string: say what you did and why, in at most "
                    + MAX_SUMMARY_CHARS + " characters");
            return Optional.empty();
        }
        String summary = node.asText().strip();
        if (summary.length() <= MAX_SUMMARY_CHARS) {
            return Optional.of(summary);
        }
        // Never leave half of a surrogate pair at the end.
        int end = Character.isHighSurrogate(summary.charAt(MAX_SUMMARY_CHARS - 1)) ? MAX_SUMMARY_CHARS - 1 : MAX_SUMMARY_CHARS;
        return Optional.of(summary.substring(0, end));
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null
                ? e.getOriginalMessage()
                : e.getOriginalMessage() + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Checks evidence_files against the workspace, resolving the workspace's real path at most once. */
    private static final class EvidenceFiles {
        private final Path workspace;
        private Path realWorkspace;

        EvidenceFiles(Path workspace) {
            this.workspace = workspace;
        }

        List<String> check(JsonNode node, List<String> problems) {
            if (node.isMissingNode() || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                problems.add("evidence_files must be a list of workspace-relative paths, like [\"src/Main.java\"]");
                return List.of();
            }
            List<String> files = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String name = "evidence_files[" + i + "]";
                if (!element.isTextual() || element.asText().isBlank()) {
                    problems.add(name + " must be a non-empty string path, not " + element);
                } else {
                    check(name, element.asText(), problems).ifPresent(files::add);
                }
            }
            return files;
        }

        private Optional<String> check(String name, String given, List<String> problems) {
            String quoted = name + " '" + given + "'";
            Path path;
            try {
                path = Path.of(given);
            } catch (InvalidPathException e) {
                problems.add(quoted + " is not a valid path: " + e.getReason());
                return Optional.empty();
            }
            if (path.isAbsolute() || path.getRoot() != null) {
                problems.add(quoted + " is absolute: give a path relative to the workspace");
                return Optional.empty();
            }
            Path normalised = path.normalize();
            if (normalised.startsWith("..")) {
                problems.add(quoted + " escapes the workspace");
                return Optional.empty();
            }
            if (normalised.toString().isEmpty()) {
                problems.add(quoted + " is the workspace itself: name the files that show the work");
                return Optional.empty();
            }
            Path file = workspace.resolve(normalised);
            if (!Files.exists(file)) {
                problems.add(quoted + " does not exist in the workspace");
                return Optional.empty();
            }
            try {
                if (realWorkspace == null) {
                    realWorkspace = workspace.toRealPath();
                }
                if (!file.toRealPath().startsWith(realWorkspace)) {
                    problems.add(quoted + " escapes the workspace through a symbolic link");
                    return Optional.empty();
                }
            } catch (IOException e) {
                problems.add(quoted + " could not be checked: " + e.getMessage());
                return Optional.empty();
            }
            return Optional.of(normalised.toString());
        }
    }
}
