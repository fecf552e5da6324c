package io.logist.cli;

import picocli.CommandLine.Command;

/** {@code logist job}: the commands that create, run and inspect jobs. */
@Command(name = "job", description = "Create, run and inspect jobs.",
        subcommands = {JobCreateCommand.class, JobActivateCommand.class, JobListCommand.class,
            JobStatusCommand.class, JobStepCommand.class, JobRunCommand.class,
            JobRecoverCommand.class, JobAttachCommand.class})
final class JobCommand extends CommandGroup {
}
