package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.Logist;
import picocli.CommandLine.Command;

/** {@code logist job suspend ID}: suspends the job, stopping a running step first. */
@Command(name = "suspend", description = "Suspend a job that has not finished: a step running in this or another process is stopped first. 'job resume' makes it PENDING again.",
        footerHeading = "%nExample:%n",
        footer = "  logist job suspend fix-login-3f9a")
final class JobSuspendCommand extends ControlCommand {
    @Override
    protected JobInfo act(Logist logist, JobId job) {
        return logist.suspend(job);
    }
}
