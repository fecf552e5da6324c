package io.logist.cli;

import io.logist.JobId;
import io.logist.JobResult;
import io.logist.Logist;
import io.logist.spi.Observer;
import picocli.CommandLine.Command;

/** {@code logist job step ID}: runs the next step of the loop only. */
@Command(name = "step", description = "Run the next step of a job's loop (one worker or supervisor oneshot)"
        + " and stop. Exits 0 when the step is done and the job is PENDING again; see 'logist --help' for the"
        + " other exit codes.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job step fix-login-3f9a",
            "  logist job step --quiet fix-login-3f9a && logist job preview fix-login-3f9a"})
final class JobStepCommand extends LoopCommand {
    @Override
    protected JobResult advance(Logist logist, JobId job, Observer observer) {
        return logist.step(job, observer);
    }
}
