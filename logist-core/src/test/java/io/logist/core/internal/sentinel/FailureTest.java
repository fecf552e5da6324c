package io.logist.core.internal.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.AgentError;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FailureTest {

    @Test
    void agentErrorKindsNameTheirFailureExceptOther() {
        assertThat(Failure.of(AgentError.Kind.AUTHENTICATION)).hasValue(Failure.AUTH_FAILED);
        assertThat(Failure.of(AgentError.Kind.RATE_LIMIT)).hasValue(Failure.RATE_LIMIT);
        assertThat(Failure.of(AgentError.Kind.SERVER)).hasValue(Failure.SERVER_ERROR);
        assertThat(Failure.of(AgentError.Kind.CONTEXT_OVERFLOW)).hasValue(Failure.CONTEXT_OVERFLOW);
        assertThat(Failure.of(AgentError.Kind.NETWORK)).hasValue(Failure.NETWORK_ERROR);
        assertThat(Failure.of(AgentError.Kind.OTHER)).isEmpty();
    }

    @Test
    void signalsNameTheirFailureExceptWaitingForInput() {
        assertThat(Failure.of(Signal.RATE_LIMIT)).hasValue(Failure.RATE_LIMIT);
        assertThat(Failure.of(Signal.AUTH_FAILED)).hasValue(Failure.AUTH_FAILED);
        assertThat(Failure.of(Signal.CONTEXT_OVERFLOW)).hasValue(Failure.CONTEXT_OVERFLOW);
        assertThat(Failure.of(Signal.NETWORK_ERROR)).hasValue(Failure.NETWORK_ERROR);
        assertThat(Failure.of(Signal.WAITING_INPUT)).isEmpty();
    }

    @Test
    void whatHappensNextDependsOnTheFailure() {
        assertThat(Arrays.stream(Failure.values()).filter(f -> f.remedy() == Failure.Remedy.RETRY))
                .containsExactly(Failure.RATE_LIMIT, Failure.SERVER_ERROR);
        assertThat(Failure.AUTH_FAILED.remedy()).isEqualTo(Failure.Remedy.FAIL);
        assertThat(Failure.CONTEXT_OVERFLOW.remedy()).isEqualTo(Failure.Remedy.INTERVENE);
        assertThat(Failure.NETWORK_ERROR.remedy()).isEqualTo(Failure.Remedy.INTERVENE);
    }

    @Test
    void everyReasonIsReadBackFromItsCode() {
        for (Failure failure : Failure.values()) {
            assertThat(Failure.ofReason(failure.reason("agent 'x' exited with code 1"))).hasValue(failure);
        }
        assertThat(Failure.ofReason("agent 'x' exited with code 1: rate-limit")).isEmpty();
        assertThat(Failure.ofReason("idle-timeout: no output for 5m")).isEmpty();
    }

    @Test
    void anAuthenticationReasonSaysSoAndWhatToCheck() {
        assertThat(Failure.AUTH_FAILED.reason("agent 'claude-code' exited with code 1: 401"))
                .isEqualTo("auth-failed: authentication failed: agent 'claude-code' exited with code 1: 401; check"
                        + " the agent's credentials: the API key variable it is given (agents.<id>.apiKeyEnv) or its"
                        + " own login");
        assertThat(Failure.RATE_LIMIT.reason("429")).isEqualTo("rate-limit: the model service is limiting requests: 429");
    }
}
