/**
 * The pieces every CLI-agent plugin needs: reading and validating its options, prices, finding its CLI and asking
 * it for its version, a home of its own, handing it the API key, and reading its output.
 */
module io.logist.agent.support {
    requires transitive io.logist.api;
    requires transitive com.fasterxml.jackson.databind;

    exports io.logist.agent.support;
}
