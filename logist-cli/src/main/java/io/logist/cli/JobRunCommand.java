package io.logist.cli;

import io.logist.JobId;
import io.logist.JobResult;
import io.logist.Logist;
import io.logist.spi.Observer;
import picocli.CommandLine.Command;

/** {@code logist job run ID}: runs the loop until the job rests. */
@Command(name = "run", description = "Run a job's loop until it rests: approved, needing approval or"
        + " intervention, suspended, canceled or failed. Shows the current step, role, elapsed time and cost"
        + " while it runs.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0 SUCCESS             10 INTERVENTION_REQUIRED   11 APPROVAL_REQUIRED",
            "  12 SUSPENDED          13 CANCELED                1 FAILED or internal error",
            "  2 bad usage or input  3 job locked by another process",
            "",
            "Examples:",
            "  logist job run fix-login-3f9a",
            "  logist job run --quiet fix-login-3f9a || logist job status fix-login-3f9a"})
final class JobRunCommand extends LoopCommand {
    @Override
    protected JobResult advance(Logist logist, JobId job, Observer observer) {
        return logist.run(job, observer);
    }
}
