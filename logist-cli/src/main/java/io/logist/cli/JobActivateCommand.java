package io.logist.cli;

import io.logist.JobInfo;
import io.logist.Logist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code logist job activate ID}: moves a draft job to PENDING, creating its workspace and branch. */
@Command(name = "activate", description = "Check that a DRAFT job's runner and agents are available, create"
        + " its workspace and branch, and move it to PENDING, ready to run.",
        footerHeading = "%nExample:%n",
        footer = "  logist job activate fix-login-3f9a")
final class JobActivateCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @Override
    protected int execute(Logist logist) {
        JobInfo job = logist.activate(id.value);
        out().println("job " + job.id() + " " + job.status() + " on branch " + job.branch() + " (workspace "
                + job.workspace() + ")");
        return ExitCodes.OK;
    }
}
