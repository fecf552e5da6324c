/**
 * The Logist API: what an embedder touches ({@code io.logist}, {@code io.logist.event}) and what a
 * plugin author implements ({@code io.logist.spi}). It has no dependencies.
 */
module io.logist.api {
    exports io.logist;
    exports io.logist.event;
    exports io.logist.spi;

    uses io.logist.spi.EngineFactory;
}
