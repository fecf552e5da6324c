package io.logist.testkit.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** What the scripted model does when it answers one request. */
public sealed interface Turn {

    /**
     * Call the CLI's own tool to create a file: its file-writing tool (such as {@code Write} or
     * {@code write_file}), else its patch tool ({@code apply_patch}), else its shell tool ({@code Bash},
     * {@code exec_command}, ...), found by name among the tools the request offers. A request that offers none
     * of them gets the file as text: its path on one line, then its content in a fenced block.
     *
     * @param path    the file's path, relative to the CLI's working directory, or absolute
     * @param content the file's content
     */
    record WriteFile(String path, String content) implements Turn {
        public WriteFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Answer with this text and end the model's turn. */
    record Answer(String text) implements Turn {
        public Answer {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Fail the request. */
    record Fail(Failure failure) implements Turn {
        public Fail {
            Objects.requireNonNull(failure, "failure");
        }
    }

    static Turn writeFile(String path, String content) {
        return new WriteFile(path, content);
    }

    static Turn answer(String text) {
        return new Answer(text);
    }

    static Turn fail(Failure failure) {
        return new Fail(failure);
    }

    /**
     * A final answer that ends with a Logist verdict in a fenced json block.
     *
     * @param action        {@code COMPLETED}, {@code RETRY} or {@code STUCK}
     * @param summary       the {@code summary_for_supervisor}
     * @param evidenceFiles workspace-relative paths of files that exist
     */
    static Turn verdict(String action, String summary, String... evidenceFiles) {
        ObjectNode verdict = Json.MAPPER.createObjectNode()
                .put("action", action)
                .put("summary_for_supervisor", summary);
        ArrayNode files = verdict.putArray("evidence_files");
        List.of(evidenceFiles).forEach(files::add);
        return new Answer("Done.\n\n```json\n" + verdict + "\n```\n");
    }
}
