package io.github.scpauditor.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void callsAreSpacedEvenlyAtTheRateWithoutABurst() {
        RateLimiter twoPerSecond = new RateLimiter(2);

        assertThat(twoPerSecond.reserve(0)).isZero();
        assertThat(twoPerSecond.reserve(0)).isEqualTo(SECOND / 2);
        assertThat(twoPerSecond.reserve(0)).isEqualTo(SECOND);
        // After a quiet spell the next call goes at once, and the one after waits a full interval again.
        assertThat(twoPerSecond.reserve(10 * SECOND)).isZero();
        assertThat(twoPerSecond.reserve(10 * SECOND)).isEqualTo(SECOND / 2);
    }

    @Test
    void throttlesSlowThePaceAndSuccessesWinItBackButNeverBeyondThePublishedRate() {
        RateLimiter limiter = new RateLimiter(5);

        limiter.throttled();
        assertThat(limiter.perSecond()).isEqualTo(4.5);
        for (int i = 0; i < 100; i++) {
            limiter.throttled();
        }
        assertThat(limiter.perSecond()).isEqualTo(0.5);
        for (int i = 0; i < 1_000; i++) {
            limiter.succeeded();
        }
        assertThat(limiter.perSecond()).isEqualTo(5.0);
    }
}
