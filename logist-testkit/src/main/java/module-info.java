/** Contract test kits for Logist plugins. */
module io.logist.testkit {
    requires transitive io.logist.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports io.logist.testkit;
    // JUnit calls the kits' package-private test methods reflectively when tests run on the module path.
    opens io.logist.testkit to org.junit.platform.commons;
}
