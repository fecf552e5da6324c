package io.logist.runner.container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container that runs one step, and the labels that find it again: from another process after a crash,
 * or when cleaning up after jobs that are gone.
 *
 * @param engine the engine that runs it, such as {@code docker}
 * @param id     the engine's full container id
 * @param name   its name, {@code logist-<job>-<step>-<random>}
 * @param job    the job id ({@code logist.job} label)
 * @param step   the step number ({@code logist.step} label)
 * @param home   the Logist home the job belongs to ({@code logist.home} label)
 */
record Container(String engine, String id, String name, String job, String step, String home) {
    static final String JOB_LABEL = "logist.job";
    static final String STEP_LABEL = "logist.step";
    static final String HOME_LABEL = "logist.home";

    private static final String ENGINE_KEY = "engine";
    private static final String ID_KEY = "containerId";
    private static final String NAME_KEY = "containerName";

    Container {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(home, "home");
    }

    /** The labels every container of a step carries. */
    static Map<String, String> labels(String job, String step, String home) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(JOB_LABEL, job);
        labels.put(STEP_LABEL, step);
        labels.put(HOME_LABEL, home);
        return labels;
    }

    Map<String, String> labels() {
        return labels(job, step, home);
    }

    /** The execution handle: the engine, the container's id and name, and its labels. */
    Map<String, String> handle() {
        Map<String, String> handle = new LinkedHashMap<>();
        handle.put(ENGINE_KEY, engine);
        handle.put(ID_KEY, id);
        handle.put(NAME_KEY, name);
        handle.putAll(labels());
        return Map.copyOf(handle);
    }

    /** The container a handle names; empty when the handle is not a container runner's. */
    static Optional<Container> fromHandle(Map<String, String> handle) {
        List<String> keys = List.of(ENGINE_KEY, ID_KEY, NAME_KEY, JOB_LABEL, STEP_LABEL, HOME_LABEL);
        if (!handle.keySet().containsAll(keys)) {
            return Optional.empty();
        }
        return Optional.of(new Container(handle.get(ENGINE_KEY), handle.get(ID_KEY), handle.get(NAME_KEY),
                handle.get(JOB_LABEL), handle.get(STEP_LABEL), handle.get(HOME_LABEL)));
    }
}
