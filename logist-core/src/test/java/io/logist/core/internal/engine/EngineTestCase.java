package io.logist.core.internal.engine;

import io.logist.Logist;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An end-to-end engine test: a fresh {@link EngineFixture} for every test, closed after it. */
abstract class EngineTestCase {
    @TempDir
    Path dir;
    EngineFixture fixture;
    Logist logist;

    /** The clock the engine runs on; the system's unless a test needs to move time. */
    Clock clock() {
        return Clock.systemUTC();
    }

    @BeforeEach
    void startEngine() throws Exception {
        fixture = new EngineFixture(dir, clock());
        logist = fixture.logist;
    }

    @AfterEach
    void closeEngine() {
        fixture.close();
    }
}
