package io.logist.agent.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyVariableTest {

    @Test
    void aKeyInTheClisOwnVariableNeedsNoCopy() {
        List<String> command = List.of("my-cli", "--json");

        assertThat(KeyVariable.copy("MY_CLI_KEY", "MY_CLI_KEY", command)).isSameAs(command);
    }

    @Test
    void aKeyUnderAnotherNameIsCopiedWhenTheCommandRunsAndNeverWrittenIntoIt() throws Exception {
        List<String> printKey = List.of("sh", "-c", "printf %s \"$MY_CLI_KEY\"");

        List<String> command = KeyVariable.copy("TEAM_KEY", "MY_CLI_KEY", printKey);

        assertThat(command).startsWith("sh", "-c").endsWith(printKey.toArray(String[]::new));
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().put("TEAM_KEY", "secret-value");
        builder.environment().remove("MY_CLI_KEY");
        Process process = builder.start();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("secret-value");
        assertThat(process.waitFor()).isZero();
        assertThat(String.join(" ", command)).doesNotContain("secret-value");
    }
}
