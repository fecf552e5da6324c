package io.logist.core.internal.runner;

import io.logist.spi.Runner;
import io.logist.testkit.RunnerContractKit;
import java.nio.file.Path;

class HostRunnerContractTest extends RunnerContractKit {
    private final Runner runner = new HostRunner(HostTools.locate(System.getenv()), ProcFs.system(), Ticker.SYSTEM,
            Path.of("/tmp/logist-contract-home"));

    @Override
    protected Runner runner() {
        return runner;
    }
}
