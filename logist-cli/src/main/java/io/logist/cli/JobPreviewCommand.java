package io.logist.cli;

import io.logist.Logist;
import io.logist.StepPreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code logist job preview ID}: what the next step would run, without running or changing anything. */
@Command(name = "preview", description = "Show what the next step of a job would run, without running or"
        + " changing anything: its role and agent, the command line, the names of the environment variables"
        + " it gets (never their values) and the exact prompt, verdict instructions and feedback included.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job preview fix-login-3f9a",
            "  logist job preview fix-login-3f9a --json | jq -r .prompt"})
final class JobPreviewCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @Mixin
    private JsonOption json;

    @Override
    protected int execute(Logist logist) {
        StepPreview preview = logist.preview(id.value);
        json.print(out(), () -> JsonViews.preview(preview), () -> TextViews.preview(preview));
        return ExitCodes.OK;
    }
}
