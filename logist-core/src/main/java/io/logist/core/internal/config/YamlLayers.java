package io.logist.core.internal.config;

import io.logist.core.internal.config.ConfigValue.Mapping;
import io.logist.core.internal.config.ConfigValue.Scalar;
import io.logist.core.internal.config.ConfigValue.Sequence;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads configuration layers with SnakeYAML's node API rather than loading Java objects, so that every value
 * keeps the line it was written on and nothing but plain values is ever constructed.
 */
final class YamlLayers {
    /** The property named in problems about a file as a whole. */
    static final String FILE = "(file)";

    private final Problems problems;

    YamlLayers(Problems problems) {
        this.problems = problems;
    }

    /** The built-in defaults; a problem in them is a bug in Logist, not in anyone's configuration. */
    static Mapping readDefaults(String yaml) {
        Problems problems = new Problems();
        Optional<Mapping> defaults = new YamlLayers(problems)
                .readSettings(yaml, line -> new Origin(0, line, Origin.BUILT_IN, false));
        if (!problems.isEmpty() || defaults.isEmpty()) {
            throw new IllegalStateException("the built-in default settings are broken");
        }
        return defaults.get();
    }

    /**
     * The settings in {@code file} at precedence {@code layer}; empty when the file does not exist, is empty,
     * or cannot be used (then a problem is added).
     */
    Optional<Mapping> readFile(Path file, int layer) {
        if (Files.notExists(file)) {
            return Optional.empty();
        }
        String name = file.toString();
        try {
            return readSettings(Files.readString(file), line -> new Origin(layer, line, name, true));
        } catch (IOException e) {
            problems.add(FILE, Optional.empty(), "could not be read (" + reason(e) + "); make it a readable UTF-8 file or remove it",
                    new Origin(layer, 0, name, false));
            return Optional.empty();
        }
    }

    /**
     * The value text of one dotted override. Text that opens a flow list or map ({@code [a, b]}, {@code {k: v}}) is
     * read as YAML, and malformed text then is a problem; other text is read as a YAML scalar so that {@code 3} is
     * a number and {@code true} a boolean, and when it is no scalar (a shell command, prose with colons) it is
     * taken as written. No text at all is YAML's null.
     */
    Optional<ConfigValue> readOverride(String key, String text, Origin origin) {
        Scalar asWritten = new Scalar(text, Optional.of(text), origin);
        String stripped = text.strip();
        boolean collection = stripped.startsWith("[") || stripped.startsWith("{");
        try {
            Optional<Node> root = parse(text);
            if (!collection && root.isPresent() && !(root.get() instanceof ScalarNode)) {
                return Optional.of(asWritten);
            }
            return root.map(node -> new Converter(line -> origin).convert(node, key, origin))
                    .orElseGet(() -> Optional.of(new Scalar(text, Optional.empty(), origin)));
        } catch (YAMLException e) {
            if (!collection) {
                return Optional.of(asWritten);
            }
            reportMalformed(e, key, Optional.of(text), line -> origin);
            return Optional.empty();
        }
    }

    private Optional<Mapping> readSettings(String yaml, IntFunction<Origin> at) {
        Optional<Node> document;
        try {
            document = parse(yaml);
        } catch (YAMLException e) {
            reportMalformed(e, FILE, Optional.empty(), at);
            return Optional.empty();
        }
        return document.flatMap(root -> {
            Origin origin = at.apply(lineOf(root));
            if (!(root instanceof MappingNode)) {
                problems.add(FILE, Optional.of(root instanceof ScalarNode scalar ? scalar.getValue() : "[...]"),
                        "must be a map of settings such as 'runner: host'", origin);
                return Optional.empty();
            }
            return new Converter(at).convert(root, "", origin).map(Mapping.class::cast);
        });
    }

    /** The YAML document in {@code text}, empty when there is none (only comments, or nothing). */
    private static Optional<Node> parse(String text) {
        return Optional.ofNullable(new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text)));
    }

    private void reportMalformed(YAMLException e, String property, Optional<String> value, IntFunction<Origin> at) {
        String rule = "could not be read as YAML: ";
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            rule += Objects.requireNonNullElse(marked.getProblem(), e.getMessage())
                    + " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
            // The rule names line and column, so the source names only the file.
            problems.add(property, value, rule, at.apply(mark.getLine() + 1).withoutLine());
        } else {
            problems.add(property, value, rule + e.getMessage(), at.apply(0).withoutLine());
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        return Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    }

    private static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** Turns one document's nodes into {@link ConfigValue}s; a value takes the line of the key naming it. */
    private final class Converter {
        private final IntFunction<Origin> at;
        private final ScalarValues scalars = new ScalarValues();
        /** The nodes being converted: an alias back to one of them would never end. */
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

        Converter(IntFunction<Origin> at) {
            this.at = at;
        }

        Optional<ConfigValue> convert(Node node, String property, Origin origin) {
            if (!open.add(node)) {
                problems.add(property, Optional.empty(), "refers to itself through a YAML alias; write the value out instead", origin);
                return Optional.empty();
            }
            try {
                if (node instanceof ScalarNode scalar) {
                    return Optional.of(new Scalar(scalar.getValue(), scalars.valueOf(scalar), origin));
                }
                if (node instanceof SequenceNode sequence) {
                    List<ConfigValue> items = new ArrayList<>();
                    for (Node item : sequence.getValue()) {
                        convert(item, property, at.apply(lineOf(item))).ifPresent(items::add);
                    }
                    return Optional.of(new Sequence(items, origin));
                }
                return Optional.of(mapping((MappingNode) node, property, origin));
            } finally {
                open.remove(node);
            }
        }

        private Mapping mapping(MappingNode node, String property, Origin origin) {
            Map<String, ConfigValue> entries = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : node.getValue()) {
                Origin keyOrigin = at.apply(lineOf(tuple.getKeyNode()));
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    problems.add(property.isEmpty() ? FILE : property, Optional.empty(),
                            "has a key that is not a plain name; keys are names such as maxSteps", keyOrigin);
                    continue;
                }
                String key = keyNode.getValue();
                String path = property.isEmpty() ? key : property + "." + key;
                if (!seen.add(key)) {
                    problems.add(path, Optional.empty(), "is set twice in the same map; remove one of them", keyOrigin);
                }
                convert(tuple.getValueNode(), path, keyOrigin).ifPresent(value -> entries.put(key, value));
            }
            return new Mapping(entries, origin);
        }
    }

    /** Lets SnakeYAML decide what a plain scalar means ({@code yes}, {@code 0x1F}), without constructing anything else. */
    private static final class ScalarValues extends SafeConstructor {
        ScalarValues() {
            super(new LoaderOptions());
        }

        Optional<Object> valueOf(ScalarNode node) {
            Tag tag = node.getTag();
            if (Tag.NULL.equals(tag)) {
                return Optional.empty();
            }
            try {
                if (Tag.BOOL.equals(tag) || Tag.INT.equals(tag)) {
                    Object value = constructObject(node);
                    return Optional.of(value instanceof Integer small ? Long.valueOf(small) : value);
                }
                if (Tag.FLOAT.equals(tag)) {
                    return Optional.of(new BigDecimal(node.getValue()));
                }
            } catch (YAMLException | NumberFormatException notANumberAfterAll) {
                // An explicit tag such as "!!int abc", or a float BigDecimal cannot hold (".inf"): keep the text.
            }
            return Optional.of(node.getValue());
        }
    }
}
