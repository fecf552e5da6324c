package io.logist.cli;

import io.logist.Logist;
import picocli.CommandLine.Command;

/** {@code logist init}: writes {@code logist.yml} with the defaults into the current directory. */
@Command(name = "init", description = "Write logist.yml with the defaults into the current directory (a git"
        + " repository); it refuses to overwrite an existing one. Prints the path of the file written.",
        footerHeading = "%nExample:%n",
        footer = "  cd ~/src/app && logist init && $EDITOR logist.yml")
final class InitCommand extends LogistSubcommand {
    @Override
    protected int execute(Logist logist) {
        out().println(logist.init(environment().cwd()));
        return ExitCodes.OK;
    }
}
