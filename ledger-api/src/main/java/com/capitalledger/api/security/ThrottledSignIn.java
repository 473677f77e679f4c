package com.capitalledger.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link SignInThrottle} in front of a credential check (bcrypt for Basic, a signature for a bearer token): a
 * throttled attempt is refused before the check runs, a refused one is counted, a Basic success clears its user's
 * count at that address.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider verifier;
    private final SignInThrottle throttle;
    private final SignInThrottle.Scheme scheme;

    ThrottledSignIn(AuthenticationProvider verifier, SignInThrottle throttle, SignInThrottle.Scheme scheme) {
        this.verifier = verifier;
        this.throttle = throttle;
        this.scheme = scheme;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        // Spring Security's Basic and bearer filters both give an attempt the request's remote address, which is the
        // client's own unless server.forward-headers-strategy makes Tomcat take it from a trusted proxy's header.
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        String user = scheme == SignInThrottle.Scheme.BASIC ? attempt.getName() : null;
        throttle.admit(scheme, address, user);
        Authentication result;
        try {
            result = verifier.authenticate(attempt);
        } catch (AuthenticationServiceException unchecked) {
            // The service could not check the credentials (an identity provider's keys out of reach): no failure of
            // the client's.
            throw unchecked;
        } catch (AuthenticationException refused) {
            throttle.failed(scheme, address, user);
            throw refused;
        }
        if (result != null && result.isAuthenticated()) {
            throttle.succeeded(address, user);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return verifier.supports(authentication);
    }
}
