package io.logist.cli;

import io.logist.JobInfo;
import io.logist.Logist;
import io.logist.event.JobEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code logist job events ID [--follow] [--json]}: the job's event log. */
@Command(name = "events", description = "Print a job's events in order, one per line: 'seq time type step"
        + " details', or with --json one JSON object per line in the form of events.jsonl. With --follow, keep"
        + " printing new events until the job rests.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job events fix-login-3f9a",
            "  logist job events fix-login-3f9a --follow --json | jq -c 'select(.type == \"step.finished\")'"})
final class JobEventsCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new events until the job is no longer RUNNING.")
    private boolean follow;

    @Mixin
    private JsonOption json;

    private long lastSeq;

    @Override
    protected int execute(Logist logist) {
        Follow.passes(follow, logist, id.value, job -> print(logist, job));
        return ExitCodes.OK;
    }

    private void print(Logist logist, JobInfo job) {
        for (JobEvent event : logist.events(job.id())) {
            if (event.seq() > lastSeq) {
                out().println(json.enabled ? JsonViews.writeLine(JsonViews.event(event)) : TextViews.event(event));
                lastSeq = event.seq();
            }
        }
    }
}
