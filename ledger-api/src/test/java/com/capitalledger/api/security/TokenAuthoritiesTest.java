package com.capitalledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a verified token's claims become a principal, roles and, for an investor, the investor it is bound to. */
class TokenAuthoritiesTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").subject("portal");
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static List<String> authorities(LedgerSecurityProperties.Jwt settings, Map<String, Object> claims) {
        AbstractAuthenticationToken token = SecurityConfiguration.tokens(settings, Set.of()).convert(jwt(claims));
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void theInvestorClaimIsInvestorIdUnlessConfiguredOtherwise() {
        LedgerSecurityProperties.Jwt defaults = new LedgerSecurityProperties.Jwt(null, null, null);
        assertThat(authorities(defaults, Map.of("roles", List.of("INVESTOR"), "investor_id", "SOFTBANK")))
                .containsExactlyInAnyOrder("ROLE_INVESTOR", "INVESTOR_ID_SOFTBANK");

        LedgerSecurityProperties.Jwt partner = new LedgerSecurityProperties.Jwt(null, null, "partner");
        assertThat(authorities(partner, Map.of("roles", List.of("INVESTOR"), "partner", "OPENAI",
                "investor_id", "SOFTBANK"))).containsExactlyInAnyOrder("ROLE_INVESTOR", "INVESTOR_ID_OPENAI");
        assertThat(authorities(partner, Map.of("roles", List.of("INVESTOR"), "investor_id", "SOFTBANK")))
                .as("bound to no investor: refused everything by the access rules").containsExactly("ROLE_INVESTOR");
    }

    @Test
    void onlyAnInvestorIsBoundAndItHoldsNoOtherRole() {
        LedgerSecurityProperties.Jwt defaults = new LedgerSecurityProperties.Jwt(null, null, null);
        assertThat(authorities(defaults, Map.of("roles", List.of("ANALYST"), "investor_id", "SOFTBANK")))
                .containsExactly("ROLE_ANALYST");
        assertThatThrownBy(() -> authorities(defaults, Map.of("roles", "INVESTOR TREASURY",
                "investor_id", "SOFTBANK")))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessage("the token combines INVESTOR with another role: an investor is an outside party");
    }
}
