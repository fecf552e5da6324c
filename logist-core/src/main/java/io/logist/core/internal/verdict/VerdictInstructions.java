package io.logist.core.internal.verdict;

/** The verdict instructions Logist appends to every prompt; {@link VerdictParser} reads what they ask for. */
public final class VerdictInstructions {
    private static final String TEXT = """
            ## How to finish

            You are running unattended: nobody will answer questions. When you are done, end your reply with \
            exactly one fenced ```json block holding your verdict, or write the same JSON object to \
            %s in the workspace (the file wins over your reply):

            ```json
            {"action": "COMPLETED", "summary_for_supervisor": "What you did and why.", \
            "evidence_files": ["src/Example.java"]}
            ```

            - "action" (required) is one of:
              - "COMPLETED": the task is done. When you review someone else's work: you approve it.
              - "RETRY": another attempt by the worker is needed. When you review: say in the summary exactly \
            what must change.
              - "STUCK": you cannot go on without a human (missing access, unclear requirements, a decision \
            only a person can take). Say why in the summary.
            - "summary_for_supervisor" (required): what you did and why, at most %d characters; the next \
            agent reads it.
            - "evidence_files" (optional): paths relative to the workspace of files that show the work; they \
            must exist and stay inside the workspace.
            """.formatted(VerdictParser.VERDICT_FILE, VerdictParser.MAX_SUMMARY_CHARS);

    private VerdictInstructions() {
    }

    /** The instructions, as Markdown, ending with a newline. */
    public static String text() {
        return TEXT;
    }
}
