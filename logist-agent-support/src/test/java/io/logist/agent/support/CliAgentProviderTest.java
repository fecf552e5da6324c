package io.logist.agent.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.Invocation;
import io.logist.spi.OptionSpec;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.Probe;
import io.logist.spi.StepRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
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

    @Test
    void createsTheAgentItWasGiven() {
        assertThat(provider.create(new AgentContext(Path.of("home"), Map.of(), Clock.systemUTC())))
                .isInstanceOf(MyAgent.class);
    }

    /** A provider as a plugin writes one: its options are read by the same code a step uses. */
    private static final class MyAgentProvider extends CliAgentProvider {
        MyAgentProvider() {
            super("my-agent", OPTIONS, new ToolProbe("my-cli", "npm install -g my-cli"),
                    options -> OptionReader.read("my-agent", options, reader -> {
                        reader.wholeNumber("maxTurns", 1);
                        return CommonOptions.read(reader);
                    }), MyAgent::new);
        }
    }

    private static final class MyAgent implements Agent {
        @Override
        public Invocation prepare(StepRequest request) {
            throw new UnsupportedOperationException("only created here");
        }

        @Override
        public OutputInterpreter interpreter(StepRequest request) {
            throw new UnsupportedOperationException("only created here");
        }
    }
}
