package io.logist.cli;

import io.logist.Cleanup;
import io.logist.JobId;
import io.logist.Logist;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code logist job clean (ID | --finished --older-than D | --orphans)}: removes what is no longer needed. */
@Command(name = "clean", sortOptions = false, description = "Remove a finished job (its workspace and its record), every job that"
        + " finished longer ago than D, or what jobs that no longer exist left behind (workspaces, step"
        + " directories, processes, containers). Never touches a job that has not finished. Prints what it removed.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job clean fix-login-3f9a",
            "  logist job clean --finished --older-than 7d",
            "  logist job clean --orphans"})
final class JobCleanCommand extends LogistSubcommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    /** Exactly one of the three. */
    static final class What {
        @Parameters(paramLabel = "ID", description = "One finished job.")
        private JobId id;

        @ArgGroup(exclusive = false, multiplicity = "1")
        private Finished finished;

        @Option(names = "--orphans", required = true,
                description = "What jobs that no longer exist left behind.")
        private boolean orphans;
    }

    /** Both together. */
    static final class Finished {
        @Option(names = "--finished", required = true, description = "Every finished job ...")
        private boolean finished;

        @Option(names = "--older-than", paramLabel = "D", required = true, converter = DurationTexts.Converter.class,
                description = "... last updated longer ago than D, such as 7d or 12h.")
        private Duration olderThan;
    }

    @Override
    protected int execute(Logist logist) {
        List<String> removed = logist.clean(cleanup());
        if (removed.isEmpty()) {
            err().println("nothing to remove");
        }
        removed.forEach(out()::println);
        return ExitCodes.OK;
    }

    Cleanup cleanup() {
        if (what.id != null) {
            return new Cleanup.Job(what.id);
        }
        return what.finished != null ? new Cleanup.Finished(what.finished.olderThan) : new Cleanup.Orphans();
    }
}
