package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.Logist;
import picocli.CommandLine.Mixin;

/**
 * A command that moves one job to another state ({@code cancel}, {@code approve}, {@code restep}, ...): it
 * prints the state the job is in now and what to do next, or with {@code --json} the job as
 * {@code job status --json} shows it. A refused action changes nothing and exits 2 (see {@link ErrorHandler}).
 */
abstract class ControlCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @Mixin
    private JsonOption json;

    /** Runs the library call of the command. */
    protected abstract JobInfo act(Logist logist, JobId job);

    @Override
    protected int execute(Logist logist) {
        JobInfo job = act(logist, id.value);
        if (json.enabled) {
            out().println(JsonViews.write(new JsonViews(environment().clock()).status(job)));
        } else {
            out().println(stateLine(job.id(), job.status(), job.reason()));
            NextSteps.of(job).forEach(err()::println);
        }
        return ExitCodes.OK;
    }
}
