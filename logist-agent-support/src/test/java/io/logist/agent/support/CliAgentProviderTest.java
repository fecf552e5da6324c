package io.logist.agent.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliAgentProviderTest {
    private static final List<OptionSpec> OPTIONS =
            List.of(OptionSpec.of("maxTurns", OptionSpec.Type.INTEGER, "the most turns of a step"));

    private final CliAgentProvider provider = new MyAgentProvider();

    @Test
    void isNamedAndOffersTheOptionsItWasGiven() {
        assertThat(provider.id()).isEqualTo("my-agent");
        assertThat(provider.options()).isEqualTo(OPTIONS);
    }

    @Test
    void probesTheToolAtTheConfiguredPath(@TempDir Path bin) throws IOException {
        Path tool = bin.resolve("my-cli-1.2");
        Files.writeString(tool, "#!/bin/sh\necho 1.2.0\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        Probe probe = provider.probe(Map.of("path", tool.toString()), Map.of("PATH", ""));

        assertThat(probe.version()).as(probe.detail()).contains("1.2.0");
    }

    @Test
    void invalidOptionsMakeTheAgentUnavailableWithEveryReason() {
        Probe probe = provider.probe(Map.of("maxTurns", 0, "inheritUserConfig", "maybe"), Map.of("PATH", ""));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("agents.my-agent.maxTurns was '0'",
                "agents.my-agent.inheritUserConfig was 'maybe'");
    }

    /** A provider as a plugin writes one: its options are read by the same code a step uses. */
    private static final class MyAgentProvider extends CliAgentProvider {
        MyAgentProvider() {
            super("my-agent", OPTIONS, new ToolProbe("my-cli", "npm install -g my-cli"));
        }

        @Override
        protected CommonOptions commonOptions(Map<String, Object> options) {
            OptionReader reader = new OptionReader(id(), options);
            CommonOptions common = CommonOptions.read(reader);
            reader.wholeNumber("maxTurns", 1);
            reader.rejectProblems();
            return common;
        }

        @Override
        public Agent create(AgentContext context) {
            throw new UnsupportedOperationException("only probed here");
        }
    }
}
