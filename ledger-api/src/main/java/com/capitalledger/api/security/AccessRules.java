package com.capitalledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what, first match wins. Everything not listed needs an authenticated user of any role (the API
 * documentation, and unknown paths, which then answer 404). The role-matrix test checks every endpoint against an
 * independent table.
 */
final class AccessRules {

    private static final Set<Role> READERS = EnumSet.allOf(Role.class);

    /** A rule: requests it matches need one of {@code roles}; no roles means open to anyone. */
    record Rule(RequestMatcher matcher, Set<Role> roles, String description) {
        boolean open() {
            return roles.isEmpty();
        }
    }

    static final List<Rule> RULES = List.of(
            open("/actuator/health/**"),
            // The servlet container's error dispatch; what it renders was already authorised.
            open("/error"),
            // The console's pages and scripts hold no data: their scripts read it from the API, signed in.
            open("/console/**"),
            open("/webjars/echarts/**"),
            // A what-if is a question, not a command: every role that reads positions may ask it.
            rule(HttpMethod.POST, "/api/v1/programs/*/what-if", READERS),
            rule(HttpMethod.POST, "/api/v1/programs/**", EnumSet.of(Role.TREASURY)),
            rule(null, "/api/v1/programs/**", READERS),
            rule(HttpMethod.POST, "/api/v1/base-rates/**", EnumSet.of(Role.TREASURY)),
            rule(null, "/api/v1/base-rates/**", READERS),
            rule(null, "/api/v1/scenarios/**", READERS),
            rule(null, "/api/v1/audit/**", EnumSet.of(Role.COMPLIANCE, Role.ADMIN)),
            rule(null, "/api/v1/journal/**", EnumSet.of(Role.COMPLIANCE, Role.ADMIN)),
            rule(null, "/api/v1/admin/consistency-check", EnumSet.of(Role.COMPLIANCE, Role.ADMIN)),
            rule(null, "/api/v1/admin/**", EnumSet.of(Role.ADMIN)),
            rule(null, "/actuator/**", EnumSet.of(Role.ADMIN)));

    private AccessRules() {
    }

    /** The rule that decided a request, to tell a refused caller which role it lacks. */
    static Optional<Rule> deciding(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
    }

    private static Rule open(String pattern) {
        return new Rule(PathPatternRequestMatcher.withDefaults().matcher(pattern), Set.of(), pattern);
    }

    private static Rule rule(HttpMethod method, String pattern, Set<Role> roles) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        RequestMatcher matcher = method == null ? builder.matcher(pattern) : builder.matcher(method, pattern);
        return new Rule(matcher, Set.copyOf(roles), (method == null ? "" : method + " ") + pattern);
    }
}
