/**
 * The {@code podman} runner: runs each agent step in a fresh container of the configured image through the
 * {@code podman} command line client, with the workspace and step directory mounted at their own paths.
 */
package io.logist.runner.podman;
