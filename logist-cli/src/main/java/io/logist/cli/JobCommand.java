package io.logist.cli;

import picocli.CommandLine.Command;

/** {@code logist job}: the commands that create, run, control and inspect jobs. */
@Command(name = "job", description = "Create, run, control and inspect jobs.",
        subcommands = {JobCreateCommand.class, JobActivateCommand.class, JobListCommand.class,
            JobStatusCommand.class, JobPreviewCommand.class, JobStepCommand.class, JobRunCommand.class,
            JobPoststepCommand.class, JobCancelCommand.class, JobSuspendCommand.class, JobResumeCommand.class,
            JobApproveCommand.class, JobRejectCommand.class, JobResubmitCommand.class, JobRerunCommand.class,
            JobRestepCommand.class, JobLogsCommand.class, JobEventsCommand.class, JobDiffCommand.class,
            JobHarvestCommand.class, JobCleanCommand.class, JobRecoverCommand.class, JobAttachCommand.class})
final class JobCommand extends CommandGroup {
}
