package io.logist.cli;

import io.logist.Logist;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code logist}: the root command, holding the options every command understands. */
@Command(name = "logist",
        versionProvider = ManifestVersion.class, sortOptions = false,
        description = "Runs AI coding agents as durable, supervised, non-interactive jobs: a worker agent and a"
                + " supervisor agent take turns on an isolated copy of a git repository until the work is"
                + " approved, a human is needed or the budget runs out.",
        subcommands = {InitCommand.class, JobCommand.class, RoleCommand.class, PluginsCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist job create --prompt 'Fix the login bug' --activate",
            "  logist job run fix-the-login-bug-3f9a",
            "  logist job diff fix-the-login-bug-3f9a",
            "  logist job harvest fix-the-login-bug-3f9a --branch fix-login",
            "  logist --home /tmp/logist job list --status INTERVENTION_REQUIRED",
            "  logist plugins",
            "",
            "Every command has --help with its own examples; read commands take --json.",
            "",
            "Exit codes: 0 ok (job run/step: SUCCESS or step done), 1 failed or internal",
            "error, 2 bad usage or bad input, 3 job locked by another process; job run/step",
            "also: 10 INTERVENTION_REQUIRED, 11 APPROVAL_REQUIRED, 12 SUSPENDED, 13 CANCELED."})
final class LogistCommand extends CommandGroup {
    private final CliEnvironment environment;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The Logist home, where jobs are stored (default: $LOGIST_HOME, else ~/.logist).")
    private Optional<Path> home = Optional.empty();

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of errors.")
    private boolean debug;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    LogistCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    CliEnvironment environment() {
        return environment;
    }

    boolean debug() {
        return debug;
    }

    /** The library, on the home chosen by {@code --home}, else {@code $LOGIST_HOME}, else the library's default. */
    Logist openLogist() {
        Logist.Builder builder = Logist.builder().environment(environment.env());
        home().ifPresent(builder::home);
        return builder.build();
    }

    /** The home given on the command line or in the environment; empty means the library's default. */
    Optional<Path> home() {
        return home.or(() -> environment.variable("LOGIST_HOME").map(Path::of)).map(environment::resolve);
    }
}
