package io.logist.cli;

import io.logist.BadInputException;
import io.logist.Logist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logist job poststep ID --response FILE|-}: a hand-written answer in place of an agent's, for tests
 * and demos.
 */
@Command(name = "poststep", description = "Apply a hand-written agent answer as the job's next step, as if the"
        + " agent had printed it: its verdict is validated like an agent's, the workspace is committed and the"
        + " step recorded. For tests and demos. Exit codes as for 'job step'.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job poststep fix-login-3f9a --response answer.md",
            "  printf '```json\\n{\"action\": \"STUCK\", \"summary_for_supervisor\": \"no access\"}\\n```\\n' \\",
            "    | logist job poststep fix-login-3f9a --response -"})
final class JobPoststepCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @Option(names = "--response", paramLabel = "FILE", required = true,
            description = "The agent's final message, with its verdict (UTF-8); '-' reads standard input.")
    private String response;

    @Override
    protected int execute(Logist logist) {
        return report(logist, logist.poststep(id.value, read()), true);
    }

    private String read() {
        try {
            if (response.equals("-")) {
                return new String(environment().in().readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(environment().resolve(Path.of(response)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "it does not exist" : e.toString();
            throw new BadInputException("cannot read the response " + response + ": " + why
                    + "; give a UTF-8 text file to --response, or '-' and the text on standard input", e);
        }
    }
}
