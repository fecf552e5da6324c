package io.logist.runner.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of the {@code run} (or {@code create}) that starts a step's container: a fresh container of the
 * image with an init process to pass on signals and reap zombies, the workspace and the step directory bound
 * at their own paths, the workspace as working directory, the step's labels and the runner's limits.
 *
 * @param name          the container's name
 * @param labels        the step's labels
 * @param workspace     the job's workspace
 * @param stepDirectory the step's private directory
 * @param user          who the command runs as
 * @param interactive   whether standard input is kept open
 * @param environment   the options that pass the environment
 */
record ContainerCommand(String name, Map<String, String> labels, Path workspace, Path stepDirectory, String user,
                        boolean interactive, List<String> environment) {

    /** The full argument list of {@code verb}, such as {@code run --detach} or {@code create}. */
    List<String> arguments(List<String> verb, ContainerEngine engine, ContainerOptions options,
                           List<String> command) {
        List<String> args = new ArrayList<>(verb);
        args.addAll(List.of("--name", name, "--init"));
        if (interactive) {
            args.add("--interactive");
        }
        labels.forEach((key, value) -> args.addAll(List.of("--label", key + "=" + value)));
        args.addAll(List.of("--user", user, "--network", options.network(), "--pull", options.pull()));
        options.cpus().ifPresent(cpus -> args.addAll(List.of("--cpus", cpus)));
        options.memory().ifPresent(memory -> args.addAll(List.of("--memory", memory)));
        mounts(options).forEach(mount -> args.addAll(List.of("--mount", mount.mountOption(engine.id()))));
        args.addAll(List.of("--workdir", workspace.toString()));
        args.addAll(environment);
        args.addAll(engine.runOptions());
        args.add(options.image());
        args.addAll(command);
        return List.copyOf(args);
    }

    /** The workspace, the step directory unless the workspace already holds it, then the extra mounts. */
    private List<BindMount> mounts(ContainerOptions options) {
        List<BindMount> mounts = new ArrayList<>();
        mounts.add(BindMount.samePath(workspace));
        if (!stepDirectory.startsWith(workspace)) {
            mounts.add(BindMount.samePath(stepDirectory));
        }
        mounts.addAll(options.mounts());
        return mounts;
    }
}
