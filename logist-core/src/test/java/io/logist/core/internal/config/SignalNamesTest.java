package io.logist.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.core.internal.sentinel.Signal;
import org.junit.jupiter.api.Test;

class SignalNamesTest {

    @Test
    void theSignalsLogistYmlAcceptsAreTheOnesTheObserverRaises() {
        assertThat(SettingsSchema.SIGNAL_NAMES).isEqualTo(Signal.ids());
    }
}
