package io.logist.core.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.core.internal.verdict.Verdict.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictParserTest {
    @TempDir
    Path tmp;

    private Path workspace;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Files.createDirectories(tmp.resolve("workspace"));
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/Login.java"), "class Login {}\n");
    }

    @Test
    void aFencedJsonBlockIsReadAndChecked() {
        VerdictResult result = VerdictParser.parse("""
                I fixed the login.

                ```json
                {"action": "COMPLETED", "summary_for_supervisor": "Fixed the null check.",
                 "evidence_files": ["./src/../src/Login.java"]}
                ```
                """, workspace);

        assertThat(result).isEqualTo(new VerdictResult.Valid(
                new Verdict(Action.COMPLETED, "Fixed the null check.", List.of("src/Login.java")), "fenced block"));
    }

    @Test
    void theVerdictFileWinsOverTheMessage() throws Exception {
        writeVerdictFile("{\"action\": \"STUCK\", \"summary_for_supervisor\": \"Need credentials.\"}");

        VerdictResult result = VerdictParser.parse(fenced(
                "{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"Done.\"}"), workspace);

        assertThat(result).isEqualTo(new VerdictResult.Valid(
                new Verdict(Action.STUCK, "Need credentials.", List.of()), "file"));
    }

    @Test
    void theLastFencedBlockWins() {
        String message = fenced("{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"first\"}")
                + "\nOn second thought:\n"
                + "```JSON\n{\"action\": \"RETRY\", \"summary_for_supervisor\": \"second\"}\n```\n";

        assertThat(valid(message)).isEqualTo(new Verdict(Action.RETRY, "second", List.of()));
    }

    @Test
    void withoutAFencedBlockTheLastBalancedObjectIsReadEvenWithBracesInStrings() {
        String message = "I changed f() { return 1; } as asked. "
                + "{\"action\": \"RETRY\", \"summary_for_supervisor\": \"braces } { and \\\"quotes\\\" \\\\ inside\"}"
                + " and {this is not json}.";

        VerdictResult result = VerdictParser.parse(message, workspace);

        assertThat(result).isEqualTo(new VerdictResult.Valid(
                new Verdict(Action.RETRY, "braces } { and \"quotes\" \\ inside", List.of()), "object"));
    }

    @Test
    void theLastTopLevelObjectWithAnActionWinsAndNestedObjectsAreNotCandidates() {
        String message = "{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"first\"}\n"
                + "{\"action\": \"RETRY\", \"summary_for_supervisor\": \"second\", \"details\": {\"action\": \"STUCK\"}}\n"
                + "{\"unrelated\": true}";

        assertThat(valid(message)).isEqualTo(new Verdict(Action.RETRY, "second", List.of()));
    }

    @Test
    void aMessageWithoutAVerdictIsInvalidAndSaysHowToGiveOne() {
        assertThat(invalid("All done, the tests pass. {not json} {\"other\": 1}"))
                .startsWith("no verdict found: end your reply with a fenced ```json block {\"action\": ")
                .contains(".logist/verdict.json");
    }

    @Test
    void aVerdictFileThatIsNotJsonIsInvalidEvenWhenTheMessageHasOne() throws Exception {
        writeVerdictFile("{\"action\": \"COMPLETED\",}");

        assertThat(invalid(fenced("{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"Done.\"}")))
                .startsWith(".logist/verdict.json is not valid JSON: Unexpected character")
                .contains("line 1, column 24");
    }

    @Test
    void aLastFencedBlockThatIsNotJsonIsInvalid() {
        assertThat(invalid(fenced("{\"action\": COMPLETED}")))
                .startsWith("the last ```json block is not valid JSON: Unrecognized token 'COMPLETED'");
    }

    @Test
    void aFencedBlockMustHoldAnObject() {
        assertThat(invalid(fenced("[\"COMPLETED\"]")))
                .isEqualTo("the last ```json block must hold one JSON object {\"action\": ...}, not a JSON array");
        assertThat(invalid(fenced("")))
                .isEqualTo("the last ```json block must hold one JSON object {\"action\": ...}, not nothing");
    }

    @Test
    void anUnknownActionIsInvalid() {
        assertThat(invalid(fenced("{\"action\": \"DONE\", \"summary_for_supervisor\": \"Done.\"}")))
                .isEqualTo("the last ```json block: action 'DONE' is not one of COMPLETED, RETRY, STUCK");
        assertThat(invalid(fenced("{\"action\": 3, \"summary_for_supervisor\": \"Done.\"}")))
                .isEqualTo("the last ```json block: action '3' is not one of COMPLETED, RETRY, STUCK");
    }

    @Test
    void theActionIsAcceptedInAnyCase() {
        assertThat(valid(fenced("{\"action\": \" retry \", \"summary_for_supervisor\": \"Again.\"}")).action())
                .isEqualTo(Action.RETRY);
    }

    @Test
    void aMissingActionIsInvalid() throws Exception {
        writeVerdictFile("{\"summary_for_supervisor\": \"Done.\"}");

        assertThat(invalid("")).isEqualTo(
                ".logist/verdict.json: action is missing: set it to one of COMPLETED, RETRY, STUCK");
    }

    @Test
    void aMissingOrBlankSummaryIsInvalid() {
        String expected = "the last ```json block: summary_for_supervisor must be a non-empty string:"
                + " say what you did and why, in at most 1000 characters";

        assertThat(invalid(fenced("{\"action\": \"COMPLETED\"}"))).isEqualTo(expected);
        assertThat(invalid(fenced("{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"  \"}"))).isEqualTo(expected);
        assertThat(invalid(fenced("{\"action\": \"COMPLETED\", \"summary_for_supervisor\": 42}"))).isEqualTo(expected);
    }

    @Test
    void aLongSummaryIsCutToOneThousandCharacters() {
        String summary = "x".repeat(999) + "yz" + "more".repeat(100);

        Verdict verdict = valid(fenced("{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"" + summary + "\"}"));

        assertThat(verdict.summary()).hasSize(1000).endsWith("xy");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(invalid(fenced("{\"action\": \"DONE\", \"evidence_files\": [\"src/Missing.java\"]}")))
                .isEqualTo("the last ```json block: action 'DONE' is not one of COMPLETED, RETRY, STUCK;"
                        + " summary_for_supervisor must be a non-empty string: say what you did and why, in at most"
                        + " 1000 characters; evidence_files[0] 'src/Missing.java' does not exist in the workspace");
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertThat(valid(fenced("{\"action\": \"STUCK\", \"summary_for_supervisor\": \"Blocked.\", \"mood\": \"sad\"}")))
                .isEqualTo(new Verdict(Action.STUCK, "Blocked.", List.of()));
    }

    @Test
    void anEvidencePathClimbingOutOfTheWorkspaceIsRefused() {
        assertThat(invalid(withEvidence("\"src/Login.java\", \"x/../../etc/passwd\"")))
                .isEqualTo("the last ```json block: evidence_files[1] 'x/../../etc/passwd' escapes the workspace");
    }

    @Test
    void anAbsoluteEvidencePathIsRefused() {
        assertThat(invalid(withEvidence("\"/etc/passwd\"")))
                .isEqualTo("the last ```json block: evidence_files[0] '/etc/passwd' is absolute:"
                        + " give a path relative to the workspace");
    }

    @Test
    void anEvidencePathThroughASymbolicLinkOutOfTheWorkspaceIsRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret\n");
        Files.createSymbolicLink(workspace.resolve("link"), outside);
        Files.createSymbolicLink(workspace.resolve("inside-link"), workspace.resolve("src"));

        assertThat(invalid(withEvidence("\"link/secret.txt\"")))
                .isEqualTo("the last ```json block: evidence_files[0] 'link/secret.txt'"
                        + " escapes the workspace through a symbolic link");
        assertThat(valid(withEvidence("\"inside-link/Login.java\"")).evidenceFiles())
                .containsExactly("inside-link/Login.java");
    }

    @Test
    void aMissingEvidenceFileIsRefused() {
        assertThat(invalid(withEvidence("\"src/Missing.java\"")))
                .isEqualTo("the last ```json block: evidence_files[0] 'src/Missing.java' does not exist in the workspace");
    }

    @Test
    void evidenceFilesMustBeAListOfNonEmptyStrings() {
        assertThat(invalid(withEvidence("\"\"")))
                .isEqualTo("the last ```json block: evidence_files[0] must be a non-empty string path, not \"\"");
        assertThat(invalid(fenced("{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"Done.\","
                + " \"evidence_files\": \"src/Login.java\"}")))
                .isEqualTo("the last ```json block: evidence_files must be a list of workspace-relative paths,"
                        + " like [\"src/Main.java\"]");
        assertThat(invalid(withEvidence("\".\"")))
                .isEqualTo("the last ```json block: evidence_files[0] '.' is the workspace itself:"
                        + " name the files that show the work");
    }

    @Test
    void theExampleInTheInstructionsIsAValidVerdict() throws Exception {
        Files.writeString(workspace.resolve("src/Example.java"), "class Example {}\n");

        VerdictResult result = VerdictParser.parse(VerdictInstructions.text(), workspace);

        assertThat(result).isEqualTo(new VerdictResult.Valid(
                new Verdict(Action.COMPLETED, "What you did and why.", List.of("src/Example.java")), "fenced block"));
        assertThat(VerdictInstructions.text())
                .contains("\"COMPLETED\"", "\"RETRY\"", "\"STUCK\"", ".logist/verdict.json", "at most 1000 characters");
    }

    private Verdict valid(String message) {
        VerdictResult result = VerdictParser.parse(message, workspace);
        assertThat(result).isInstanceOf(VerdictResult.Valid.class);
        return ((VerdictResult.Valid) result).verdict();
    }

    private String invalid(String message) {
        VerdictResult result = VerdictParser.parse(message, workspace);
        assertThat(result).isInstanceOf(VerdictResult.Invalid.class);
        return ((VerdictResult.Invalid) result).error();
    }

    private void writeVerdictFile(String json) throws Exception {
        Files.createDirectories(workspace.resolve(".logist"));
        Files.writeString(workspace.resolve(".logist/verdict.json"), json);
    }

    private static String withEvidence(String evidence) {
        return fenced("{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"Done.\", \"evidence_files\": ["
                + evidence + "]}");
    }

    private static String fenced(String json) {
        return "Here is my verdict.\n\n```json\n" + json + "\n```\n";
    }
}
