package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.Logist;
import picocli.CommandLine.Command;

/** {@code logist job resume ID}: makes a suspended job PENDING again. */
@Command(name = "resume", description = "Make a SUSPENDED job PENDING again, ready for 'job run'.",
        footerHeading = "%nExample:%n",
        footer = "  logist job resume fix-login-3f9a")
final class JobResumeCommand extends ControlCommand {
    @Override
    protected JobInfo act(Logist logist, JobId job) {
        return logist.resume(job);
    }
}
