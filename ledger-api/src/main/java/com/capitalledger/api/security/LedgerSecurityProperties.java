package com.capitalledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Who may use the ledger.
 *
 * @param users                 HTTP Basic users: {@code ledger.security.users[i].name}, {@code .password} (a
 *                              {@code {bcrypt}} hash, never a clear password), {@code .roles} and, for an
 *                              {@code INVESTOR} only, {@code .investor-id}
 * @param demoUsers             on the embedded default only, with no users configured: create one demo user per
 *                              role with generated passwords (default true)
 * @param demoCredentialsFile   where those passwords are written, readable by the owner alone (default
 *                              {@code ~/.capital-ledger/demo-credentials.properties})
 * @param rememberCredentials   how long a verified Basic credential is remembered in memory, so that bcrypt's
 *                              deliberate slowness is paid once per user per period, not on every request
 * @param jwt                   how bearer tokens map to principals and roles, when a JWT issuer or JWK set is configured
 * @param signIn                how many failed sign-ins an address, and a user at an address, may make per window
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(List<User> users, Boolean demoUsers, Path demoCredentialsFile,
                                       Duration rememberCredentials, Jwt jwt, SignIn signIn) {

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
            jwt = new Jwt(null, null, null);
        }
        if (signIn == null) {
            signIn = new SignIn(null, null, null, null);
        }
    }

    /** A configured user; {@code investorId} binds an {@link Role#INVESTOR} to its investor, and only one. */
    public record User(String name, String password, List<Role> roles, String investorId) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * @param principalClaim  the claim that names the actor recorded on events (default {@code sub})
     * @param rolesClaim      the claim listing the ledger roles (default {@code roles}); other values are ignored
     * @param investorIdClaim the claim naming the investor an {@code INVESTOR} token is bound to (default
     *                        {@code investor_id}); ignored on any other role's token
     */
    public record Jwt(String principalClaim, String rolesClaim, String investorIdClaim) {
        public Jwt {
            principalClaim = principalClaim == null || principalClaim.isBlank() ? "sub" : principalClaim;
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
            investorIdClaim = investorIdClaim == null || investorIdClaim.isBlank() ? "investor_id" : investorIdClaim;
        }
    }

    /**
     * Failed sign-ins allowed before further attempts answer 429 TOO_MANY_ATTEMPTS without being checked.
     *
     * @param failuresPerUserAndAddress failures one user name may have from one address per window (default 5)
     * @param failuresPerAddress        failures one address may have per window, whatever the names (default 20)
     * @param window                    the window; its whole allowance comes back at its end (default 1 minute)
     * @param tracked                   at most so many addresses, and as many (user, address) pairs, are counted
     *                                  in memory, about 600 bytes each; the least used are forgotten first
     *                                  (default 20,000)
     */
    public record SignIn(Integer failuresPerUserAndAddress, Integer failuresPerAddress, Duration window,
                         Integer tracked) {
        public SignIn {
            failuresPerUserAndAddress = failuresPerUserAndAddress == null ? 5 : failuresPerUserAndAddress;
            failuresPerAddress = failuresPerAddress == null ? 20 : failuresPerAddress;
            window = window == null ? Duration.ofMinutes(1) : window;
            tracked = tracked == null ? 20_000 : tracked;
        }
    }
}
