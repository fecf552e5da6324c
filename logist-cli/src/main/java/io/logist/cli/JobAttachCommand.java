package io.logist.cli;

import io.logist.JobId;
import io.logist.JobResult;
import io.logist.Logist;
import io.logist.event.JobEvent;
import io.logist.spi.Observer;
import io.logist.spi.OutputChannel;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code logist job attach ID}: follows a job that another process runs. */
@Command(name = "attach", description = "Follow a job that another process runs: its steps so far, then its"
        + " progress and the agents' output lines as they come, until the job rests. Ends with the job's state"
        + " and exits with the same code as 'logist job run' would; interrupting it leaves the job running.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job run fix-login-3f9a --quiet &  logist job attach fix-login-3f9a"})
final class JobAttachCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final line: job ID STATUS and the reason.")
    private boolean quiet;

    @Override
    protected int execute(Logist logist) {
        JobResult result;
        if (quiet) {
            result = logist.attach(id.value, Observer.NOOP);
        } else {
            try (ProgressPrinter progress = ProgressPrinter.lines(out(), environment().clock())) {
                result = logist.attach(id.value, new FollowingPrinter(progress, out()));
            }
        }
        return report(logist, result, false);
    }

    /** Progress lines from the events, and every output line prefixed with its step. */
    private static final class FollowingPrinter implements Observer {
        private final ProgressPrinter progress;
        private final PrintStream out;

        FollowingPrinter(ProgressPrinter progress, PrintStream out) {
            this.progress = progress;
            this.out = out;
        }

        @Override
        public void onEvent(JobId job, JobEvent event) {
            progress.onEvent(job, event);
        }

        @Override
        public void onOutput(JobId job, int step, OutputChannel channel, String line) {
            synchronized (progress) {
                out.println("  [" + step + (channel == OutputChannel.STDERR ? " stderr" : "") + "] " + line);
            }
        }
    }
}
