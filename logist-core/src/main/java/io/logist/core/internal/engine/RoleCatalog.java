package io.logist.core.internal.engine;

import io.logist.RoleSettings;
import io.logist.core.internal.config.SettingsResolver;
import io.logist.core.internal.workspace.GitWorkspaces;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The roles a new job in a repository would have, from the user's and the repository's {@code logist.yml}. */
final class RoleCatalog {
    private static final Comparator<RoleSettings> BUILT_IN_FIRST = Comparator
            .comparingInt((RoleSettings role) -> switch (role.name()) {
                case StepPlan.WORKER -> 0;
                case StepPlan.SUPERVISOR -> 1;
                default -> 2;
            })
            .thenComparing(RoleSettings::name);

    private final SettingsResolver resolver;
    private final GitWorkspaces workspaces;
    private final Path userConfig;

    RoleCatalog(SettingsResolver resolver, GitWorkspaces workspaces, Path userConfig) {
        this.resolver = resolver;
        this.workspaces = workspaces;
        this.userConfig = userConfig;
    }

    /**
     * Worker and supervisor first, then the custom roles by name.
     *
     * @throws io.logist.BadInputException      when {@code repo} is not in a git work tree
     * @throws io.logist.ConfigurationException listing every problem of the configuration files
     */
    List<RoleSettings> roles(Path repo) {
        Path root = workspaces.repositoryRoot(repo.toAbsolutePath().normalize());
        return resolver.resolve(List.of(userConfig, root.resolve("logist.yml")), Map.of(), "setting")
                .roles().values().stream().sorted(BUILT_IN_FIRST).toList();
    }
}
