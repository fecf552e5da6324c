/** Contract test kits for Logist plugins. */
module io.logist.testkit {
    requires transitive io.logist.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports io.logist.testkit;
}
