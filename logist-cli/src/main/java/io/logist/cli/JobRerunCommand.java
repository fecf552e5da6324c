package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.Logist;
import picocli.CommandLine.Command;

/** {@code logist job rerun ID}: starts the job over from its base, keeping the earlier run in the history. */
@Command(name = "rerun", description = "Start a job over: a fresh workspace and job branch from the base commit, and the job PENDING again. The earlier run's steps stay in the history ('job status' shows them).",
        footerHeading = "%nExample:%n",
        footer = "  logist job rerun fix-login-3f9a")
final class JobRerunCommand extends ControlCommand {
    @Override
    protected JobInfo act(Logist logist, JobId job) {
        return logist.rerun(job);
    }
}
