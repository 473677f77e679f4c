package com.capitalledger.api.security;

import org.springframework.security.core.Authentication;

import java.util.Optional;
import java.util.Set;

/**
 * What a feature outside this package may know of the signed-in caller: its ledger roles and, for an
 * {@link Role#INVESTOR}, the investor it is bound to. The event feed narrows what it streams by them.
 */
public record Caller(Set<Role> roles, Optional<String> investorId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(Authentication who) {
        return new Caller(AccessRules.rolesOf(who), BoundInvestor.of(who));
    }

    /** Whether it holds one of the roles that read positions. */
    public boolean readsPositions() {
        return roles.stream().anyMatch(AccessRules.READERS::contains);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
