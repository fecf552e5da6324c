/**
 * What the docker and podman runners share: a {@link io.logist.spi.Runner} that runs each step in a fresh
 * container through the engine's command line client (the workspace and step directory mounted at their own
 * paths, an init process, labels to find the container again, output followed line by line), its options and
 * its probe. An engine plugin describes its differences as a {@link io.logist.runner.container.ContainerEngine}
 * and builds on {@link io.logist.runner.container.ContainerRunners}.
 */
package io.logist.runner.container;
