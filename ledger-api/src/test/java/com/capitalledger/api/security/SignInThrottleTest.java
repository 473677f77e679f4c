package com.capitalledger.api.security;

import com.capitalledger.api.config.Misconfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static com.capitalledger.api.security.SignInThrottle.Scheme.BASIC;
import static com.capitalledger.api.security.SignInThrottle.Scheme.BEARER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Three failures per user at an address and eight per address, per minute, on a clock the test moves. */
class SignInThrottleTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String TREASURY_SYSTEM = "198.51.100.20";

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SignInThrottle throttle = throttle(new LedgerSecurityProperties.SignIn(3, 8, Duration.ofMinutes(1),
            null));

    @Test
    void afterItsFailuresAUserAtAnAddressIsRefusedUntilTheWindowEnds() {
        failAs("treasury", ATTACKER, 3);

        assertThat(refusal(BASIC, ATTACKER, "treasury").retryAfterSeconds()).isEqualTo(60);
        assertThat(refusal(BASIC, ATTACKER, "Treasury").getMessage())
                .isEqualTo("too many failed sign-ins as this user from this address: retry after 60 s");
        now = now.plusSeconds(45);
        assertThat(refusal(BASIC, ATTACKER, "treasury").retryAfterSeconds()).isEqualTo(15);
        now = now.plusSeconds(15);
        assertThatCode(() -> throttle.admit(BASIC, ATTACKER, "treasury")).doesNotThrowAnyException();
        assertThat(meters.counter("ledger.signin.failures", "scheme", "basic").count()).isEqualTo(3);
        assertThat(meters.counter("ledger.signin.throttled", "scheme", "basic").count()).isEqualTo(3);
    }

    @Test
    void aStrangersFailuresStopNeitherTheUserElsewhereNorOtherUsersAtTheirAddress() {
        failAs("treasury", ATTACKER, 3);

        assertThatCode(() -> throttle.admit(BASIC, TREASURY_SYSTEM, "treasury")).doesNotThrowAnyException();
        assertThatCode(() -> throttle.admit(BASIC, ATTACKER, "compliance")).doesNotThrowAnyException();
        assertThatCode(() -> throttle.admit(BEARER, ATTACKER, null)).doesNotThrowAnyException();
    }

    @Test
    void anAddressThatFailsUnderManyNamesIsRefusedForEveryName() {
        for (int i = 0; i < 8; i++) {
            throttle.admit(BASIC, ATTACKER, "guess-" + i);
            throttle.failed(BASIC, ATTACKER, "guess-" + i);
        }

        assertThat(refusal(BASIC, ATTACKER, "treasury").getMessage())
                .isEqualTo("too many failed sign-ins from this address: retry after 60 s");
        assertThat(refusal(BEARER, ATTACKER, null).retryAfterSeconds()).isEqualTo(60);
        assertThatCode(() -> throttle.admit(BASIC, TREASURY_SYSTEM, "treasury")).doesNotThrowAnyException();
    }

    @Test
    void invalidBearerTokensCountAgainstTheirAddressOnly() {
        for (int i = 0; i < 8; i++) {
            throttle.failed(BEARER, ATTACKER, null);
        }

        assertThat(refusal(BASIC, ATTACKER, "treasury").retryAfterSeconds()).isEqualTo(60);
        assertThat(meters.counter("ledger.signin.failures", "scheme", "bearer").count()).isEqualTo(8);
        assertThat(meters.counter("ledger.signin.throttled", "scheme", "basic").count()).isEqualTo(1);
    }

    @Test
    void aSuccessGivesTheUserItsFailuresAtThatAddressBack() {
        failAs("treasury", TREASURY_SYSTEM, 2);
        throttle.succeeded(TREASURY_SYSTEM, "treasury");
        failAs("treasury", TREASURY_SYSTEM, 2);

        assertThatCode(() -> throttle.admit(BASIC, TREASURY_SYSTEM, "treasury")).doesNotThrowAnyException();
        throttle.failed(BASIC, TREASURY_SYSTEM, "treasury");
        assertThat(refusal(BASIC, TREASURY_SYSTEM, "treasury").retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void failuresAlreadyInFlightWhenTheLimitIsReachedLengthenTheWait() {
        // Seven checked in parallel before any of them failed: four more than allowed, paid back over two windows.
        for (int i = 0; i < 7; i++) {
            throttle.failed(BASIC, ATTACKER, "treasury");
        }

        now = now.plusSeconds(60);
        assertThat(refusal(BASIC, ATTACKER, "treasury").retryAfterSeconds()).isEqualTo(60);
        now = now.plusSeconds(60);
        assertThatCode(() -> throttle.admit(BASIC, ATTACKER, "treasury")).doesNotThrowAnyException();
    }

    @Test
    void ipv6AddressesAreCountedByTheirSlash64() {
        assertThat(SignInThrottle.address("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(SignInThrottle.address("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:0/64");
        assertThat(SignInThrottle.address("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SignInThrottle.address("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SignInThrottle.address(null)).isEqualTo("unknown");
        assertThat(SignInThrottle.address("evil\nforged log line")).isEqualTo("evil?forged?log?line");

        failAs("treasury", "2001:db8:1:2::1", 3);
        assertThat(refusal(BASIC, "2001:db8:1:2::99", "treasury").retryAfterSeconds()).isEqualTo(60);
        assertThatCode(() -> throttle.admit(BASIC, "2001:db8:1:3::1", "treasury")).doesNotThrowAnyException();
    }

    @Test
    void limitsBelowOneStopTheService() {
        assertThatThrownBy(() -> throttle(new LedgerSecurityProperties.SignIn(0, null, null, null)))
                .isInstanceOf(Misconfiguration.class)
                .hasMessageContaining("ledger.security.sign-in.failures-per-user-and-address must be at least 1")
                .hasMessageContaining("LEDGER_SECURITY_SIGNIN_FAILURESPERUSERANDADDRESS");
        assertThatThrownBy(() -> throttle(new LedgerSecurityProperties.SignIn(null, null, Duration.ZERO, null)))
                .isInstanceOf(Misconfiguration.class).hasMessageContaining("sign-in.window must be at least 1s");
    }

    private SignInThrottle throttle(LedgerSecurityProperties.SignIn limits) {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new SignInThrottle(limits, Set.of("treasury", "compliance"), clock, meters);
    }

    private void failAs(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.admit(BASIC, address, user);
            throttle.failed(BASIC, address, user);
        }
    }

    private SignInThrottled refusal(SignInThrottle.Scheme scheme, String address, String user) {
        try {
            throttle.admit(scheme, address, user);
        } catch (SignInThrottled refused) {
            return refused;
        }
        throw new AssertionError("admitted " + user + " from " + address);
    }
}
