package io.logist.core.internal.engine;

import com.google.auto.service.AutoService;
import io.logist.Logist;
import io.logist.core.internal.store.FileJobStore;
import io.logist.core.internal.workspace.GitWorkspaces;
import io.logist.spi.AgentContext;
import io.logist.spi.EngineFactory;
import io.logist.spi.EngineOptions;
import io.logist.spi.JobStore;
import io.logist.spi.RunnerContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link Engine}: resolves the home and the user's configuration, loads plugins, opens the store. */
@AutoService(EngineFactory.class)
public final class DefaultEngineFactory implements EngineFactory {

    @Override
    public Logist create(EngineOptions options) {
        Map<String, String> env = options.environment();
        Path home = options.home().orElseGet(() -> defaultHome(env)).toAbsolutePath().normalize();
        Path userConfig = options.userConfig().orElseGet(() -> defaultUserConfig(env));
        Plugins plugins = Plugins.load(options.discovery(), options.classLoader(), options.runners(), options.agents());
        JobStore store = options.store().orElseGet(() -> new FileJobStore(home));
        PluginInstances instances = new PluginInstances(plugins, new RunnerContext(home, env, options.clock()),
                new AgentContext(home, env, options.clock()));
        Engine engine = new Engine(store, instances, new GitWorkspaces(), userConfig, env, options.clock());
        if (options.recoverOnStart()) {
            engine.recover(Optional.empty());
        }
        return engine;
    }

    private static Path defaultHome(Map<String, String> env) {
        return Optional.ofNullable(env.get("LOGIST_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> userHome(env).resolve(".logist"));
    }

    private static Path defaultUserConfig(Map<String, String> env) {
        Path configHome = Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> userHome(env).resolve(".config"));
        return configHome.resolve("logist").resolve("logist.yml");
    }

    private static Path userHome(Map<String, String> env) {
        return Path.of(Optional.ofNullable(env.get("HOME")).orElse(System.getProperty("user.home")));
    }
}
