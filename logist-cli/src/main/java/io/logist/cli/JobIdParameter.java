package io.logist.cli;

import io.logist.JobId;
import picocli.CommandLine.Parameters;

/** The {@code ID} parameter of every command that acts on one job. */
final class JobIdParameter {
    @Parameters(index = "0", paramLabel = "ID", description = "The job id, as 'logist job list' shows it.")
    JobId value;
}
