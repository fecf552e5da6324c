/** Support for runner plugins that run agent steps in containers through an engine's command line client. */
module io.logist.runner.container {
    requires transitive io.logist.api;

    exports io.logist.runner.container;
}
