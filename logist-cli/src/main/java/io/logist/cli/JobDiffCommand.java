package io.logist.cli;

import io.logist.Logist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code logist job diff ID}: the job's change since its base. */
@Command(name = "diff", description = "Print a job's change since its base commit as a unified diff (nothing when"
        + " it changed nothing).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job diff fix-login-3f9a",
            "  logist job diff fix-login-3f9a | less -R"})
final class JobDiffCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @Override
    protected int execute(Logist logist) {
        String diff = logist.diff(id.value);
        out().print(diff);
        if (!diff.isEmpty() && !diff.endsWith("\n")) {
            out().println();
        }
        return ExitCodes.OK;
    }
}
