package io.logist.cli;

import picocli.CommandLine.Command;

/** {@code logist role}: the roles that act in a job's steps. */
@Command(name = "role", description = "Show the roles that act in a job's steps: the built-in worker and"
        + " supervisor and the roles of logist.yml.",
        subcommands = {RoleListCommand.class, RoleInspectCommand.class})
final class RoleCommand extends CommandGroup {
}
