package io.logist.core.internal.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void eachRetryWaitsTwiceAsLongAsTheOneBefore() {
        Duration base = Duration.ofSeconds(10);
        assertThat(Backoff.before(base, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.before(base, 2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.before(base, 3)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void noBackoffStaysNone() {
        assertThat(Backoff.before(Duration.ZERO, 5)).isZero();
    }

    @Test
    void manyRetriesStopDoublingInsteadOfOverflowing() {
        assertThat(Backoff.before(Duration.ofDays(30), Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void retriesCountFromOne() {
        assertThatThrownBy(() -> Backoff.before(Duration.ofSeconds(1), 0)).hasMessageContaining("from 1");
    }
}
