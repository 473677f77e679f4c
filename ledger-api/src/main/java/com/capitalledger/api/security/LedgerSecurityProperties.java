package com.capitalledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Who may use the ledger.
 *
 * @param users                 HTTP Basic users: {@code ledger.security.users[i].name}, {@code .password} (a
 *                              {@code {bcrypt}} hash, never a clear password) and {@code .roles}
 * @param demoUsers             on the embedded default only, with no users configured: create one demo user per
 *                              role with generated passwords (default true)
 * @param demoCredentialsFile   where those passwords are written, readable by the owner alone (default
 *                              {@code ~/.capital-ledger/demo-credentials.properties})
 * @param rememberCredentials   how long a verified Basic credential is remembered in memory, so that bcrypt's
 *                              deliberate slowness is paid once per user per period, not on every request
 * @param jwt                   how bearer tokens map to principals and roles, when a JWT issuer or JWK set is configured
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(List<User> users, Boolean demoUsers, Path demoCredentialsFile,
                                       Duration rememberCredentials, Jwt jwt) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        demoUsers = demoUsers == null || demoUsers;
        if (demoCredentialsFile == null) {
            demoCredentialsFile = Path.of(System.getProperty("user.home"), ".capital-ledger",
                    "demo-credentials.properties");
        }
        if (rememberCredentials == null) {
            rememberCredentials = Duration.ofMinutes(5);
        }
        if (jwt == null) {
            jwt = new Jwt(null, null);
        }
    }

    /** A configured user. */
    public record User(String name, String password, List<Role> roles) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * @param principalClaim the claim that names the actor recorded on events (default {@code sub})
     * @param rolesClaim     the claim listing the ledger roles (default {@code roles}); other values are ignored
     */
    public record Jwt(String principalClaim, String rolesClaim) {
        public Jwt {
            principalClaim = principalClaim == null || principalClaim.isBlank() ? "sub" : principalClaim;
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        }
    }
}
