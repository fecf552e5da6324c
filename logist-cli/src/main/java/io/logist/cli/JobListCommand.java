package io.logist.cli;

import io.logist.JobInfo;
import io.logist.JobStatus;
import io.logist.Logist;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code logist job list}: every job in the home, oldest first. */
@Command(name = "list", description = "List the jobs in the Logist home, oldest first: id, state, steps, last"
        + " update and reason.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job list",
            "  logist job list --status APPROVAL_REQUIRED",
            "  logist job list --json | jq -r '.[].id'"})
final class JobListCommand extends LogistSubcommand {
    @Option(names = "--status", paramLabel = "S",
            description = "Only jobs in this state, one of: ${COMPLETION-CANDIDATES}.")
    private Optional<JobStatus> status = Optional.empty();

    @Mixin
    private JsonOption json;

    @Override
    protected int execute(Logist logist) {
        List<JobInfo> jobs = logist.list().stream()
                .filter(job -> status.map(wanted -> job.status() == wanted).orElse(true))
                .collect(Collectors.toList());
        if (json.enabled) {
            out().println(JsonViews.write(new JsonViews(environment().clock()).list(jobs)));
        } else if (jobs.isEmpty()) {
            out().println(status.map(s -> "no " + s + " jobs").orElse("no jobs"));
        } else {
            out().print(new TextViews(environment().clock()).list(jobs));
        }
        return ExitCodes.OK;
    }
}
