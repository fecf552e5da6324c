package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.Logist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code logist job reject ID --message T}: sends work waiting for approval back to the worker. */
@Command(name = "reject", description = "Reject the work of a job in APPROVAL_REQUIRED: the job becomes PENDING"
        + " and the message reaches the next worker prompt ('job preview' shows it).",
        footerHeading = "%nExample:%n",
        footer = "  logist job reject fix-login-3f9a --message 'Also cover the locked-account case'")
final class JobRejectCommand extends ControlCommand {
    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", required = true,
            description = "What the worker should change.")
    private String message;

    @Override
    protected JobInfo act(Logist logist, JobId job) {
        return logist.reject(job, message);
    }
}
