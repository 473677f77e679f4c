package com.capitalledger.api.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real bcrypt check, counting how often it runs. */
class RememberedCredentialsTest {

    private final AtomicInteger bcryptRuns = new AtomicInteger();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private RememberedCredentials provider;

    @BeforeEach
    void setUp() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("treasury").password(bcrypt.encode("right")).roles("TREASURY").build()));
        dao.setPasswordEncoder(bcrypt);
        AuthenticationProvider counted = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                bcryptRuns.incrementAndGet();
                return dao.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return dao.supports(authentication);
            }
        };
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
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
        provider = new RememberedCredentials(counted, Duration.ofMinutes(5), clock);
    }

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("treasury", password);
    }

    @Test
    void aVerifiedCredentialIsAcceptedAgainWithoutAnotherBcryptRun() {
        Authentication first = provider.authenticate(login("right"));
        Authentication second = provider.authenticate(login("right"));

        assertThat(bcryptRuns).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("treasury");
        assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_TREASURY");
        assertThat(first.getAuthorities()).isEqualTo(second.getAuthorities());
    }

    @Test
    void anotherPasswordIsAlwaysCheckedAndRefused() {
        provider.authenticate(login("right"));

        assertThatThrownBy(() -> provider.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptRuns).hasValue(3);
    }

    @Test
    void aCredentialIsCheckedAgainOnceThePeriodHasPassed() {
        provider.authenticate(login("right"));
        now = now.plus(Duration.ofMinutes(5));

        provider.authenticate(login("right"));

        assertThat(bcryptRuns).hasValue(2);
    }
}
