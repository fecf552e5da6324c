package io.logist.cli;

import io.logist.BadInputException;
import io.logist.Logist;
import io.logist.RoleSettings;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code logist role inspect NAME}: one role with its full instructions. */
@Command(name = "inspect", description = "Show one role: the agent that plays it and its full instructions, as"
        + " they open the role's prompt.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  logist role inspect supervisor",
            "  logist role inspect reviewer --repo ~/src/app --json"})
final class RoleInspectCommand extends LogistSubcommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The role, as 'logist role list' shows it.")
    private String name;

    @Mixin
    private RepoOption repo;

    @Mixin
    private JsonOption json;

    @Override
    protected int execute(Logist logist) {
        List<RoleSettings> roles = logist.roles(repo.resolve(environment()));
        RoleSettings role = roles.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException("there is no role '" + name + "'; the roles are: "
                        + roles.stream().map(RoleSettings::name).collect(Collectors.joining(", "))
                        + " (define others under roles: in logist.yml)"));
        json.print(out(), () -> JsonViews.role(role), () -> TextViews.role(role));
        return ExitCodes.OK;
    }
}
