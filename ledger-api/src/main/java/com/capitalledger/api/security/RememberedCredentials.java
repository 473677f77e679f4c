package com.capitalledger.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * bcrypt is slow on purpose (tens of milliseconds per check at production cost), and HTTP Basic sends the password
 * with every request. This provider remembers, for a short while, a keyed hash of each user's last verified
 * credential: a request presenting the same credential is accepted without another bcrypt run. Only successes are
 * remembered, keyed by user (so the map holds at most one entry per configured user), under a random key that never
 * leaves memory; anything else goes to bcrypt as usual.
 */
final class RememberedCredentials implements AuthenticationProvider {

    private final AuthenticationProvider verifier;
    private final Duration remember;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    RememberedCredentials(AuthenticationProvider verifier, Duration remember, Clock clock) {
        this.verifier = verifier;
        this.remember = remember;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (credentials == null || remember.isZero()) {
            return verifier.authenticate(authentication);
        }
        byte[] mac = mac(name, credentials.toString());
        Instant now = clock.instant();
        Verified known = verified.get(name);
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.mac(), mac)) {
            return UsernamePasswordAuthenticationToken.authenticated(known.principal(), null,
                    known.authentication().getAuthorities());
        }
        Authentication result = verifier.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            verified.put(name, new Verified(mac, result.getPrincipal(), result, now.plus(remember)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] mac(String name, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(name.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Verified(byte[] mac, Object principal, Authentication authentication, Instant until) {
    }
}
