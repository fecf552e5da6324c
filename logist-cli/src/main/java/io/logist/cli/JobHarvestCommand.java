package io.logist.cli;

import io.logist.Harvest;
import io.logist.Logist;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code logist job harvest ID (--patch F | --branch B | --push)}: exports the job's change. */
@Command(name = "harvest", sortOptions = false, description = "Export a job's change since its base: as a patch file that applies"
        + " with 'git apply' on the base commit, as a new branch in the source repository, or pushed to the"
        + " remote configured as harvest.remote. Prints where it went.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job harvest fix-login-3f9a --patch fix-login.patch",
            "  logist job harvest fix-login-3f9a --branch fix-login",
            "  logist job harvest fix-login-3f9a --push"})
final class JobHarvestCommand extends LogistSubcommand {
    @Mixin
    private JobIdParameter id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    /** Exactly one of the three. */
    static final class Target {
        @Option(names = "--patch", paramLabel = "F", description = "Write the change to this patch file.")
        private Optional<Path> patch = Optional.empty();

        @Option(names = "--branch", paramLabel = "B",
                description = "Create this branch in the source repository at the job's last commit.")
        private Optional<String> branch = Optional.empty();

        @Option(names = "--push", description = "Push the job branch to the remote configured as harvest.remote.")
        private boolean push;
    }

    @Override
    protected int execute(Logist logist) {
        out().println(logist.harvest(id.value, harvest()));
        return ExitCodes.OK;
    }

    Harvest harvest() {
        if (target.patch.isPresent()) {
            return new Harvest.Patch(environment().resolve(target.patch.get()));
        }
        return target.branch.<Harvest>map(Harvest.Branch::new).orElseGet(Harvest.Push::new);
    }
}
