package io.logist.cli;

import io.logist.JobInfo;
import java.util.ArrayList;
import java.util.List;

/** What a person can do next with a job, by its state: the commands to type, the log to read. */
final class NextSteps {
    private NextSteps() {
    }

    /** One hint per line; empty when there is nothing to suggest. */
    static List<String> of(JobInfo job) {
        String id = job.id().value();
        List<String> hints = new ArrayList<>();
        switch (job.status()) {
            case DRAFT -> hints.add("start it: logist job activate " + id);
            case PENDING -> {
                hints.add("continue: logist job run " + id + "  (or one step: logist job step " + id + ")");
                hints.add("see what the next step runs: logist job preview " + id);
            }
            case RUNNING -> {
                hints.add("follow it: logist job logs " + id + " --follow");
                hints.add("stop it: logist job suspend " + id + "  or  logist job cancel " + id);
            }
            case INTERVENTION_REQUIRED -> {
                hints.add("see why: logist job status " + id);
                JobFacts.lastLog(job).ifPresent(log -> hints.add("last step's log: " + log));
                hints.add("when it is fixed: logist job resubmit " + id + " --message TEXT");
            }
            case APPROVAL_REQUIRED -> {
                hints.add("review the change: logist job diff " + id);
                hints.add("then: logist job approve " + id + "  or  logist job reject " + id + " --message TEXT");
            }
            case SUSPENDED -> hints.add("continue: logist job resume " + id);
            case SUCCESS -> {
                hints.add("the change is on branch " + job.branch() + " (workspace " + job.workspace() + ")");
                hints.add("take it: logist job harvest " + id + " --branch NAME  (or --patch FILE)");
            }
            case FAILED -> {
                JobFacts.lastLog(job).ifPresent(log -> hints.add("last step's log: " + log));
                hints.add("start again from the base: logist job rerun " + id);
            }
            case CANCELED -> hints.add("start again from the base: logist job rerun " + id);
        }
        return hints;
    }
}
