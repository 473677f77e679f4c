package com.capitalledger.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts the passwords checked against their hash ({@code ledger.signin.password.checks}): each is a deliberately slow
 * bcrypt run, so this is the CPU that sign-ins cost, and what throttling keeps a guesser from spending.
 */
final class CountedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder encoder;
    private final Counter checks;

    CountedPasswordEncoder(PasswordEncoder encoder, MeterRegistry meters) {
        this.encoder = encoder;
        this.checks = Counter.builder("ledger.signin.password.checks")
                .description("Passwords checked against their bcrypt hash, a known user's or an unknown name's dummy")
                .register(meters);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.increment();
        return encoder.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }
}
