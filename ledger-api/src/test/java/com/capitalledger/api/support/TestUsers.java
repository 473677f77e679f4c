package com.capitalledger.api.support;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users integration tests sign in as, configured like production users ({@code {bcrypt}} hashes under
 * {@code ledger.security.users}). Passwords are generated per test run, so none is written down anywhere; the
 * hashes use bcrypt's lowest cost to keep start-up quick.
 */
public enum TestUsers {
    TREASURY("treasury", "TREASURY"),
    /** A second treasury system: idempotency keys are scoped per principal. */
    TREASURY_2("treasury-2", "TREASURY"),
    COMPLIANCE("compliance", "COMPLIANCE"),
    ANALYST("analyst", "ANALYST"),
    ADMIN("admin", "ADMIN"),
    /** An outside party bound to investor A (the investor the role-matrix program's commitments start with). */
    INVESTOR("investor-a", "INVESTOR", "A");

    private final String userName;
    private final String role;
    private final String investorId;
    private final String password;

    TestUsers(String userName, String role) {
        this(userName, role, null);
    }

    TestUsers(String userName, String role, String investorId) {
        this.userName = userName;
        this.role = role;
        this.investorId = investorId;
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public String userName() {
        return userName;
    }

    /** The investor an INVESTOR is bound to; null for every other user. */
    public String investorId() {
        return investorId;
    }

    public String password() {
        return password;
    }

    /** The {@code Authorization} header value for this user. */
    public String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((userName + ":" + password).getBytes());
    }

    public static void configure(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same users as command-line arguments, for a service started with {@code SpringApplicationBuilder}. */
    public static List<String> arguments() {
        return properties().entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toList();
    }

    private static Map<String, String> properties() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        Map<String, String> properties = new LinkedHashMap<>();
        List<TestUsers> all = List.of(values());
        for (int i = 0; i < all.size(); i++) {
            TestUsers user = all.get(i);
            properties.put("ledger.security.users[" + i + "].name", user.userName);
            properties.put("ledger.security.users[" + i + "].password", "{bcrypt}" + bcrypt.encode(user.password));
            properties.put("ledger.security.users[" + i + "].roles", user.role);
            if (user.investorId != null) {
                properties.put("ledger.security.users[" + i + "].investor-id", user.investorId);
            }
        }
        return properties;
    }
}
