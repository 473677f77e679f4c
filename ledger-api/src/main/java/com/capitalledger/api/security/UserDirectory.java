package com.capitalledger.api.security;

import com.capitalledger.api.config.Misconfiguration;
import com.capitalledger.core.shared.Ids;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP Basic users: those configured under {@code ledger.security.users}, checked strictly at start-up, or, on
 * the embedded default only, one generated demo user per role (the INVESTOR one bound to the demo's SOFTBANK).
 */
public final class UserDirectory {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** {@code {bcrypt}} then a modular-crypt bcrypt hash: version, two-digit cost, 22 characters salt, 31 hash. */
    private static final Pattern INVESTOR_ID = Pattern.compile(Ids.PATTERN);
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private final List<UserDetails> users;
    private final Map<String, String> demoPasswords;

    private UserDirectory(List<UserDetails> users, Map<String, String> demoPasswords) {
        this.users = List.copyOf(users);
        this.demoPasswords = demoPasswords;
    }

    /** The configured users; any mistake stops the service with the property that is wrong. */
    public static UserDirectory configured(List<LedgerSecurityProperties.User> configured) {
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < configured.size(); i++) {
            LedgerSecurityProperties.User user = configured.get(i);
            String property = "ledger.security.users[" + i + "]";
            if (user.name() == null || !NAME.matcher(user.name()).matches()) {
                throw wrong(property + ".name", "must be 1 to 64 of A-Z a-z 0-9 . _ @ -");
            }
            // Spring Security's user store ignores case: "Alice" and "alice" are the same user.
            if (!names.add(user.name().toLowerCase(Locale.ROOT))) {
                throw wrong(property + ".name", user.name() + " is configured twice");
            }
            if (user.password() == null || !BCRYPT.matcher(user.password()).matches()) {
                throw wrong(property + ".password", "must be a {bcrypt} hash such as {bcrypt}$2a$12$..."
                        + " (clear-text and other encodings are refused)");
            }
            Set<Role> roles = roles(property, user.roles());
            users.add(user(user.name(), user.password(), roles, investor(property, roles, user.investorId())));
        }
        return new UserDirectory(users, Map.of());
    }

    /** One demo user per role, named after it in lower case, with the given clear passwords (embedded default only). */
    public static UserDirectory demo(Map<Role, String> passwords) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        List<UserDetails> users = new ArrayList<>();
        Map<String, String> clear = new LinkedHashMap<>();
        passwords.forEach((role, password) -> {
            String name = DemoCredentials.userName(role);
            users.add(user(name, "{bcrypt}" + bcrypt.encode(password), EnumSet.of(role),
                    role == Role.INVESTOR ? DemoCredentials.DEMO_INVESTOR : null));
            clear.put(name, password);
        });
        return new UserDirectory(users, Collections.unmodifiableMap(clear));
    }

    public static UserDirectory none() {
        return new UserDirectory(List.of(), Map.of());
    }

    public List<UserDetails> users() {
        return users;
    }

    /** The highest bcrypt cost among the users' hashes (10, bcrypt's default, when there is no user). */
    public int highestCost() {
        return users.stream().map(user -> BCRYPT.matcher(user.getPassword())).filter(Matcher::matches)
                .mapToInt(hash -> Integer.parseInt(hash.group(1))).max().orElse(10);
    }

    /** The users' names in lower case (names are case-insensitive). */
    public Set<String> names() {
        Set<String> names = new HashSet<>();
        users.forEach(user -> names.add(user.getUsername().toLowerCase(Locale.ROOT)));
        return Set.copyOf(names);
    }

    /** The demo user's clear password for a role, when the demo users are in use. */
    public Optional<String> demoPassword(Role role) {
        return Optional.ofNullable(demoPasswords.get(DemoCredentials.userName(role)));
    }

    private static Set<Role> roles(String property, List<Role> roles) {
        if (roles.isEmpty()) {
            throw wrong(property + ".roles", "must name at least one of TREASURY, COMPLIANCE, ANALYST, ADMIN, "
                    + "INVESTOR");
        }
        Set<Role> set = EnumSet.copyOf(roles);
        if (set.contains(Role.ADMIN) && set.contains(Role.TREASURY)) {
            throw wrong(property + ".roles", "combines ADMIN with TREASURY: whoever operates the service must not "
                    + "also post business commands (segregation of duties)");
        }
        if (set.contains(Role.INVESTOR) && set.size() > 1) {
            throw wrong(property + ".roles", "combines INVESTOR with another role: an investor is an outside party "
                    + "and holds no other role");
        }
        return set;
    }

    /** The investor an INVESTOR is bound to: required for one, refused for any other user. */
    private static String investor(String property, Set<Role> roles, String investorId) {
        boolean set = investorId != null && !investorId.isBlank();
        if (roles.contains(Role.INVESTOR) && (!set || !INVESTOR_ID.matcher(investorId).matches())) {
            throw wrong(property + ".investor-id", "must name the investor this INVESTOR is bound to, an id of 1 to "
                    + "64 of A-Z a-z 0-9 . _ - starting with a letter or digit");
        }
        if (!roles.contains(Role.INVESTOR) && set) {
            throw wrong(property + ".investor-id", "is set for a user that is no INVESTOR: only an INVESTOR is bound "
                    + "to an investor");
        }
        return roles.contains(Role.INVESTOR) ? investorId : null;
    }

    /** A configured user's property that stops the service, named as the operator set it. */
    private static Misconfiguration wrong(String property, String problem) {
        return new Misconfiguration(property + " " + problem + ".", "Correct " + Misconfiguration.property(property)
                + " in the service's configuration.");
    }

    private static UserDetails user(String name, String password, Set<Role> roles, String investorId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        if (investorId != null) {
            authorities.add(new BoundInvestor(investorId));
        }
        return User.withUsername(name).password(password).authorities(authorities).build();
    }
}
