/** The {@code logist} command line, built on the public Logist API only. */
module io.logist.cli {
    requires io.logist.api;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;

    // picocli reads and writes the annotated fields of the commands reflectively.
    opens io.logist.cli to info.picocli;
}
