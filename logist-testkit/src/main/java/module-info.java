/** Contract test kits for Logist plugins, and a scripted model server for running agent CLIs offline. */
module io.logist.testkit {
    requires transitive io.logist.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;

    exports io.logist.testkit;
    exports io.logist.testkit.model;
    // JUnit calls the kits' package-private test methods reflectively when tests run on the module path.
    opens io.logist.testkit to org.junit.platform.commons;
}
