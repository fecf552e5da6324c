/** Programs that embed Logist. */
module io.logist.examples {
    requires io.logist.api;
}
