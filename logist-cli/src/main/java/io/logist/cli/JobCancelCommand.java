package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.Logist;
import picocli.CommandLine.Command;

/** {@code logist job cancel ID}: cancels the job, stopping a step that runs in this or another process. */
@Command(name = "cancel", description = "Cancel a job that has not finished: a step running in this or another process is stopped (its whole process tree) and the job ends CANCELED. Only 'job rerun' starts it again.",
        footerHeading = "%nExample:%n",
        footer = "  logist job cancel fix-login-3f9a")
final class JobCancelCommand extends ControlCommand {
    @Override
    protected JobInfo act(Logist logist, JobId job) {
        return logist.cancel(job);
    }
}
