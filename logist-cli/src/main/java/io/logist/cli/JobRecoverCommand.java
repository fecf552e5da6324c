package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobStatus;
import io.logist.Logist;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code logist job recover (ID | --all)}: recovers jobs whose owning process died. */
@Command(name = "recover", description = "Recover jobs left RUNNING by a process that died (a crash, a kill, a"
        + " reboot): a step whose agent still runs is followed again until it ends; otherwise the step is marked"
        + " interrupted, the workspace goes back to the checkpoint before it, and the job becomes PENDING so"
        + " that 'logist job run' retries the step. Jobs a live process runs are left alone. Prints one line per"
        + " job recovered.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0 recovered, or nothing needed recovery   3 the job runs in a live process",
            "",
            "Examples:",
            "  logist job recover fix-login-3f9a && logist job run fix-login-3f9a",
            "  logist job recover --all"})
final class JobRecoverCommand extends LogistSubcommand {
    @ArgGroup(multiplicity = "1")
    private Which which;

    /** One job, or all of them. */
    static final class Which {
        @Parameters(index = "0", paramLabel = "ID", description = "The job to recover.")
        JobId id;

        @Option(names = "--all", required = true, description = "Recover every job whose owner died.")
        boolean all;
    }

    @Override
    protected int execute(Logist logist) {
        Optional<JobId> one = Optional.ofNullable(which.id);
        List<JobInfo> recovered = logist.recover(one);
        recovered.forEach(job -> out().println("job " + job.id() + " recovered: " + job.status()
                + job.reason().map(reason -> ": " + reason).orElse("")));
        if (!recovered.isEmpty()) {
            return ExitCodes.OK;
        }
        if (one.isEmpty()) {
            out().println("no job needed recovery");
            return ExitCodes.OK;
        }
        JobInfo job = logist.status(one.get());
        if (job.status() == JobStatus.RUNNING) {
            err().println("job " + job.id() + " runs in a live process; nothing to recover");
            return ExitCodes.LOCKED;
        }
        out().println("job " + job.id() + " needs no recovery: it is " + job.status());
        return ExitCodes.OK;
    }
}
