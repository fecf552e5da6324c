package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.Logist;
import picocli.CommandLine.Command;

/** {@code logist job approve ID}: approves work waiting for approval: the job succeeds. */
@Command(name = "approve", description = "Approve the work of a job in APPROVAL_REQUIRED (jobs created with requireApproval: true): it ends SUCCESS. Review it first with 'job diff'.",
        footerHeading = "%nExample:%n",
        footer = "  logist job approve fix-login-3f9a")
final class JobApproveCommand extends ControlCommand {
    @Override
    protected JobInfo act(Logist logist, JobId job) {
        return logist.approve(job);
    }
}
