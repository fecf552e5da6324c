package io.logist.cli;

import io.logist.JobInfo;
import io.logist.Logist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code logist job status ID}: the job's state, usage, limits and steps. */
@Command(name = "status", description = "Show a job: its state and why, branch and workspace, usage, limits"
        + " and a table of its steps (and of superseded ones), with what to do next.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job status fix-login-3f9a",
            "  logist job status fix-login-3f9a --json | jq -r .status"})
final class JobStatusCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @Mixin
    private JsonOption json;

    @Override
    protected int execute(Logist logist) {
        JobInfo job = logist.status(id.value);
        json.print(out(), () -> new JsonViews(environment().clock()).status(job),
                () -> new TextViews(environment().clock()).status(job));
        return ExitCodes.OK;
    }
}
