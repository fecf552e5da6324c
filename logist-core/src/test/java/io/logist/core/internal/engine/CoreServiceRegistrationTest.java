package io.logist.core.internal.engine;

import io.logist.core.internal.runner.HostRunnerProvider;
import io.logist.spi.EngineFactory;
import io.logist.spi.RunnerProvider;
import io.logist.testkit.ServiceRegistrations;
import org.junit.jupiter.api.Test;

/** The class path (AutoService) and the module path (module-info) find the same engine and host runner. */
class CoreServiceRegistrationTest {
    @Test
    void engineFactoryIsRegisteredTheSameWayForBothPaths() {
        ServiceRegistrations.assertAgree(EngineFactory.class, DefaultEngineFactory.class);
    }

    @Test
    void hostRunnerIsRegisteredTheSameWayForBothPaths() {
        ServiceRegistrations.assertAgree(RunnerProvider.class, HostRunnerProvider.class);
    }
}
