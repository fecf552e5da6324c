package io.logist.core.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    /** The fields after the name, from state (field 3) to start time (field 22), of a sleeping process. */
    private static final String AFTER_NAME = "S 100 200 300 34816 14045 4194304 89 0 0 0 0 0 0 0 20 0 1 0 987654"
            + " 2580480 139 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";

    @Test
    void readsIdsStateAndStartTime() {
        ProcStat stat = ProcStat.parse("4242 (sleep) " + AFTER_NAME);

        assertThat(stat).isEqualTo(new ProcStat(4242, "sleep", 'S', 100, 200, 300, 987654));
    }

    @Test
    void aNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcStat stat = ProcStat.parse("4242 (evil) R 1 2 3 (x) " + AFTER_NAME);

        assertThat(stat.command()).isEqualTo("evil) R 1 2 3 (x");
        assertThat(stat.sessionId()).isEqualTo(300);
        assertThat(stat.startTime()).isEqualTo(987654);
    }

    @Test
    void aLineWithoutTheDocumentedLayoutIsRefused() {
        assertThatThrownBy(() -> ProcStat.parse("4242 sleep S 1 2 3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4242 sleep");
        assertThatThrownBy(() -> ProcStat.parse("4242 (sleep) S 1 2 3"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.parse("4242 (sleep) S one 2 3 " + AFTER_NAME.substring(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAZombieOrAnExitingProcessIsDead() {
        assertThat(ProcStat.parse("1 (a) " + AFTER_NAME.replaceFirst("S", "Z")).isDead()).isTrue();
        assertThat(ProcStat.parse("1 (a) " + AFTER_NAME.replaceFirst("S", "X")).isDead()).isTrue();
        assertThat(ProcStat.parse("1 (a) " + AFTER_NAME.replaceFirst("S", "D")).isDead()).isFalse();
        assertThat(ProcStat.parse("1 (a) " + AFTER_NAME).isDead()).isFalse();
    }
}
