package io.logist.cli;

import io.logist.JobInfo;
import io.logist.Logist;
import io.logist.StepInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code logist job logs ID [--step N] [--follow]}: what the agents printed. */
@Command(name = "logs", description = "Print what the agents of a job printed: every step's log in order, each"
        + " under a header, or one step's. With --follow, keep printing new lines until the job rests.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job logs fix-login-3f9a",
            "  logist job logs fix-login-3f9a --step 2",
            "  logist job logs fix-login-3f9a --follow     # while 'job run' runs elsewhere"})
final class JobLogsCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @Option(names = "--step", paramLabel = "N", description = "Only this step's log, without a header.")
    private Optional<Integer> step = Optional.empty();

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the job is no longer RUNNING.")
    private boolean follow;

    /** How many lines of each step were printed already. */
    private final Map<Integer, Integer> printed = new HashMap<>();

    @Override
    protected int execute(Logist logist) {
        Follow.passes(follow, logist, id.value, job -> print(logist, job));
        return ExitCodes.OK;
    }

    private void print(Logist logist, JobInfo job) {
        if (step.isPresent()) {
            printNew(logist.log(job.id(), step.get()), step.get());
            return;
        }
        for (StepInfo each : job.steps()) {
            if (!printed.containsKey(each.n())) {
                if (!printed.isEmpty()) {
                    out().println();
                }
                out().println("==> step " + each.n() + " " + each.role() + " (" + each.agent() + "): "
                        + JobFacts.stepLog(job, each) + " <==");
            }
            printNew(logist.log(job.id(), each.n()), each.n());
        }
    }

    private void printNew(List<String> lines, int n) {
        int done = printed.getOrDefault(n, 0);
        lines.subList(Math.min(done, lines.size()), lines.size()).forEach(out()::println);
        printed.put(n, Math.max(done, lines.size()));
    }
}
