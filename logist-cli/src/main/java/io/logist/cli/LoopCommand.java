package io.logist.cli;

import io.logist.JobId;
import io.logist.JobResult;
import io.logist.Logist;
import io.logist.spi.Observer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code job step} and {@code job run}: advance a job while showing progress, then print where it rests
 * and exit with the code of that state (SPEC section 9).
 */
abstract class LoopCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final line: job ID STATUS and the reason.")
    private boolean quiet;

    /** Runs the library call that advances the job. */
    protected abstract JobResult advance(Logist logist, JobId job, Observer observer);

    @Override
    protected int execute(Logist logist) {
        JobResult result = quiet ? advance(logist, id.value, Observer.NOOP) : advanceWithProgress(logist);
        return report(logist, result, !quiet);
    }

    private JobResult advanceWithProgress(Logist logist) {
        CliEnvironment environment = environment();
        try (ProgressPrinter progress = environment.interactive()
                ? ProgressPrinter.statusLine(environment.out(), environment.clock())
                : ProgressPrinter.lines(environment.out(), environment.clock())) {
            return advance(logist, id.value, progress);
        }
    }
}
