package io.logist.cli;

import io.logist.Logist;
import io.logist.RoleSettings;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code logist role list}: the roles a job created in the repository would have. */
@Command(name = "list", description = "List the roles a job created in the repository would have, with the"
        + " agent that plays each and the first line of its instructions.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist role list",
            "  logist role list --repo ~/src/app --json"})
final class RoleListCommand extends LogistSubcommand {
    @Mixin
    private RepoOption repo;

    @Mixin
    private JsonOption json;

    @Override
    protected int execute(Logist logist) {
        List<RoleSettings> roles = logist.roles(repo.resolve(environment()));
        json.print(out(), () -> JsonViews.roles(roles), () -> TextViews.roles(roles));
        return ExitCodes.OK;
    }
}
