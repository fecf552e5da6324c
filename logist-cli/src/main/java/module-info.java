/** The {@code logist} command line, built on the public Logist API only. */
module io.logist.cli {
    requires io.logist.api;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    // picocli reads and writes the annotated fields of the commands reflectively.
    opens io.logist.cli to info.picocli;
}
