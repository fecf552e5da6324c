package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.Logist;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code logist job resubmit ID [--message T]}: sends a job that needed intervention back to PENDING. */
@Command(name = "resubmit", description = "Send a job in INTERVENTION_REQUIRED back to PENDING once the problem"
        + " is fixed; the message, if any, reaches the next worker prompt.",
        footerHeading = "%nExample:%n",
        footer = "  logist job resubmit fix-login-3f9a --message 'The test database is up again; retry'")
final class JobResubmitCommand extends ControlCommand {
    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "A message for the next worker step.")
    private Optional<String> message = Optional.empty();

    @Override
    protected JobInfo act(Logist logist, JobId job) {
        return logist.resubmit(job, message);
    }
}
