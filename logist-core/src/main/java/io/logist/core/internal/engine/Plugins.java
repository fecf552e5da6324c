package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.PluginException;
import io.logist.PluginInfo;
import io.logist.core.internal.runner.HostRunnerProvider;
import io.logist.spi.AgentProvider;
import io.logist.spi.Probe;
import io.logist.spi.RunnerProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The runner and agent providers this engine knows: discovered with {@link ServiceLoader} unless discovery is
 * off, plus those registered by hand. A broken plugin or two plugins with one id is an error naming the
 * classes, never a silent skip.
 */
final class Plugins {
    private final Map<String, RunnerProvider> runners;
    private final Map<String, AgentProvider> agents;

    private Plugins(Map<String, RunnerProvider> runners, Map<String, AgentProvider> agents) {
        this.runners = runners;
        this.agents = agents;
    }

    static Plugins load(boolean discovery, ClassLoader loader, List<RunnerProvider> extraRunners,
                        List<AgentProvider> extraAgents) {
        List<RunnerProvider> runners = new ArrayList<>();
        List<AgentProvider> agents = new ArrayList<>();
        if (discovery) {
            runners.addAll(discover(RunnerProvider.class, loader));
            agents.addAll(discover(AgentProvider.class, loader));
        }
        runners.addAll(extraRunners);
        if (!discovery && runners.stream().noneMatch(r -> r.id().equals(HostRunnerProvider.ID))) {
            // The host runner is part of the engine, not a plugin: it stays when discovery is off.
            runners.add(new HostRunnerProvider());
        }
        agents.addAll(extraAgents);
        return new Plugins(byId(runners, RunnerProvider::id, "runner"), byId(agents, AgentProvider::id, "agent"));
    }

    private static <T> List<T> discover(Class<T> type, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return found;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                throw new PluginException("a " + type.getSimpleName() + " plugin could not be loaded: "
                        + e.getMessage() + "; remove or fix that jar", e);
            }
        }
    }

    private static <T> Map<String, T> byId(List<T> providers, Function<T, String> id, String kind) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T provider : providers) {
            String key;
            try {
                key = id.apply(provider);
            } catch (RuntimeException e) {
                throw new PluginException(kind + " plugin " + provider.getClass().getName()
                        + " failed to report its id: " + e.getMessage(), e);
            }
            T other = byId.putIfAbsent(key, provider);
            if (other != null) {
                throw new PluginException("two " + kind + " plugins have the id '" + key + "': "
                        + other.getClass().getName() + " and " + provider.getClass().getName()
                        + "; remove one of them from the class path");
            }
        }
        return Map.copyOf(byId);
    }

    Collection<RunnerProvider> runners() {
        return runners.values();
    }

    Collection<AgentProvider> agents() {
        return agents.values();
    }

    RunnerProvider runner(String id) {
        return Optional.ofNullable(runners.get(id)).orElseThrow(() ->
                new BadInputException("no runner '" + id + "' is installed; installed: " + ids(runners)));
    }

    AgentProvider agent(String id) {
        return Optional.ofNullable(agents.get(id)).orElseThrow(() ->
                new BadInputException("no agent '" + id + "' is installed; installed: " + ids(agents)));
    }

    private static String ids(Map<String, ?> providers) {
        return providers.isEmpty() ? "none" : providers.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    /** Every plugin with its probe result; a probe that throws is reported as unavailable with the plugin's name. */
    List<PluginInfo> describe(Map<String, String> environment) {
        List<PluginInfo> infos = new ArrayList<>();
        runners.values().forEach(p -> infos.add(info(PluginInfo.Kind.RUNNER, p.id(), p, p::probe)));
        agents.values().forEach(p -> infos.add(info(PluginInfo.Kind.AGENT, p.id(), p, () -> p.probe(Map.of(), environment))));
        infos.sort(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::id));
        return infos;
    }

    static Probe safeProbe(String kind, String id, Supplier<Probe> probe) {
        try {
            return probe.get();
        } catch (RuntimeException e) {
            return Probe.unavailable(kind + " plugin '" + id + "' failed its probe: " + e);
        }
    }

    private static PluginInfo info(PluginInfo.Kind kind, String id, Object provider,
                                   Supplier<Probe> probe) {
        Package pkg = provider.getClass().getPackage();
        Optional<String> version = Optional.ofNullable(pkg == null ? null : pkg.getImplementationVersion());
        return new PluginInfo(kind, id, version, provider.getClass().getName(),
                safeProbe(kind.name().toLowerCase(Locale.ROOT), id, probe));
    }
}
