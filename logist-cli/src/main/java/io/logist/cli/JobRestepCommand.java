package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.Logist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code logist job restep ID --to N}: goes back to the checkpoint of step N. */
@Command(name = "restep", description = "Reset the workspace and the job branch to the commit made after step N"
        + " (0: the base) and make the job PENDING; the later steps stay in the history as superseded. Refused"
        + " while the job is RUNNING.",
        footerHeading = "%nExample:%n",
        footer = "  logist job restep fix-login-3f9a --to 1 && logist job run fix-login-3f9a")
final class JobRestepCommand extends ControlCommand {
    @Option(names = "--to", paramLabel = "N", required = true,
            description = "The step whose checkpoint to go back to; 0 is the base.")
    private int step;

    @Override
    protected JobInfo act(Logist logist, JobId job) {
        return logist.restep(job, step);
    }
}
