package com.capitalledger.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Optional;

/**
 * The investor an {@link Role#INVESTOR} is bound to, carried among the caller's authorities so that it travels with
 * the authentication (a remembered Basic credential, a token) wherever the roles do. It grants nothing by itself: the
 * access rules compare it with the investor a document path names.
 */
record BoundInvestor(String investorId) implements GrantedAuthority {

    @Override
    public String getAuthority() {
        return "INVESTOR_ID_" + investorId;
    }

    /** The investor the caller is bound to, if it is. */
    static Optional<String> of(Authentication who) {
        if (who == null) {
            return Optional.empty();
        }
        return who.getAuthorities().stream().filter(BoundInvestor.class::isInstance).map(BoundInvestor.class::cast)
                .map(BoundInvestor::investorId).findFirst();
    }
}
