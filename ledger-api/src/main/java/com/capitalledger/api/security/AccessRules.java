package com.capitalledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call what, first match wins; anything no earlier rule names (unknown paths, which then answer 404) needs a
 * role that reads positions. An {@link Role#INVESTOR} is an outside party: it may read its own investor's statements
 * and notices, the event feed (which streams it only the events naming its investor), who it is and the API's
 * description, and nothing else; one bound to no investor may read nothing at all. The role-matrix test checks every
 * endpoint against an independent table.
 */
final class AccessRules {

    /** The roles that read positions: every role but {@link Role#INVESTOR}. */
    static final Set<Role> READERS = EnumSet.complementOf(EnumSet.of(Role.INVESTOR));
    /** The path variable of the investor whose document a path names. */
    private static final String INVESTOR_ID = "investorId";

    enum Kind {
        /** Anyone, signed in or not. */
        OPEN,
        /** Any signed-in caller, an investor too. */
        SIGNED_IN,
        /** A caller holding one of the rule's roles. */
        ROLES,
        /** A caller holding one of the rule's roles, or the investor the path names. */
        OWN_DOCUMENT
    }

    /** A rule: requests it matches are allowed to whom its kind says. */
    record Rule(RequestMatcher matcher, Kind kind, Set<Role> roles, String description) {

        boolean open() {
            return kind == Kind.OPEN;
        }

        /** Whether {@code who} may make {@code request}, which this rule matches. */
        boolean allows(Authentication who, HttpServletRequest request) {
            if (kind == Kind.OPEN) {
                return true;
            }
            if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
                return false;
            }
            Set<Role> held = rolesOf(who);
            Optional<String> bound = BoundInvestor.of(who);
            if (held.contains(Role.INVESTOR) && bound.isEmpty()) {
                return false;
            }
            return switch (kind) {
                case OPEN, SIGNED_IN -> true;
                case ROLES -> held.stream().anyMatch(roles::contains);
                case OWN_DOCUMENT -> held.stream().anyMatch(roles::contains)
                        || held.contains(Role.INVESTOR) && bound.get().equals(investorIn(request));
            };
        }

        /** What the rule needs that the caller lacks, completing "may not GET this resource". */
        String needs(Authentication who, HttpServletRequest request) {
            String roleNames = roles.stream().map(Role::name).sorted().collect(Collectors.joining(" or "));
            if (kind != Kind.OWN_DOCUMENT) {
                return "it needs " + (kind == Kind.SIGNED_IN ? "any role" : roleNames);
            }
            String bound = BoundInvestor.of(who).map(id -> "is bound to investor " + id).orElse("is no investor");
            return "it needs " + roleNames + ", or INVESTOR bound to investor " + investorIn(request) + "; "
                    + (who == null ? "the caller" : who.getName()) + " " + bound;
        }

        private String investorIn(HttpServletRequest request) {
            return matcher.matcher(request).getVariables().get(INVESTOR_ID);
        }
    }

    static final List<Rule> RULES = List.of(
            open("/actuator/health/**"),
            // The servlet container's error dispatch; what it renders was already authorised.
            open("/error"),
            // The console's pages and scripts hold no data: their scripts read it from the API, signed in.
            open("/console/**"),
            open("/webjars/echarts/**"),
            // Who the caller is, and the API's descriptions (which hold no data): anyone signed in.
            signedIn("/api/v1/me"),
            signedIn("/v3/api-docs/**"),
            // The event feed's AsyncAPI document (openapi.AsyncApiDocument).
            signedIn("/asyncapi.yaml"),
            signedIn("/swagger-ui.html"),
            signedIn("/swagger-ui/**"),
            // An investor's own statements and notices, before the program rules that would refuse it: whoever reads
            // positions, and the investor the path names.
            ownDocument("/api/v1/programs/{programId}/investors/{investorId}/capital-account"),
            ownDocument("/api/v1/programs/{programId}/investors/{investorId}/documents"),
            ownDocument("/api/v1/programs/{programId}/capital-calls/{callId}/notices/{investorId}"),
            ownDocument("/api/v1/programs/{programId}/distributions/{paymentDate}/notices/{investorId}"),
            // A what-if is a question, not a command: every role that reads positions may ask it.
            rule(HttpMethod.POST, "/api/v1/programs/*/what-if", READERS),
            rule(HttpMethod.POST, "/api/v1/programs/**", EnumSet.of(Role.TREASURY)),
            rule(null, "/api/v1/programs/**", READERS),
            rule(HttpMethod.POST, "/api/v1/base-rates/**", EnumSet.of(Role.TREASURY)),
            rule(null, "/api/v1/base-rates/**", READERS),
            rule(null, "/api/v1/scenarios/**", READERS),
            // The event feed: every role that reads positions, and an investor, which the feed itself narrows to the
            // accepted events that name its investor.
            rule(HttpMethod.GET, "/api/v1/feed", EnumSet.allOf(Role.class)),
            rule(null, "/api/v1/audit/**", EnumSet.of(Role.COMPLIANCE, Role.ADMIN)),
            rule(null, "/api/v1/journal/**", EnumSet.of(Role.COMPLIANCE, Role.ADMIN)),
            rule(null, "/api/v1/admin/consistency-check", EnumSet.of(Role.COMPLIANCE, Role.ADMIN)),
            rule(null, "/api/v1/admin/**", EnumSet.of(Role.ADMIN)),
            rule(null, "/api/v1/subscriptions/**", EnumSet.of(Role.ADMIN)),
            rule(null, "/actuator/**", EnumSet.of(Role.ADMIN)),
            rule(null, "/**", READERS));

    private AccessRules() {
    }

    /** The rule that decided a request, to tell a refused caller which role it lacks. */
    static Optional<Rule> deciding(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
    }

    /** Why {@code who} was refused {@code request}: what follows "may not GET this resource". */
    static String refusal(Authentication who, HttpServletRequest request) {
        if (who != null && rolesOf(who).contains(Role.INVESTOR) && BoundInvestor.of(who).isEmpty()) {
            return who.getName() + " is an INVESTOR bound to no investor id, which may read nothing";
        }
        return deciding(request).map(rule -> rule.needs(who, request)).orElse("it needs another role");
    }

    /** The ledger roles among a caller's authorities. */
    static Set<Role> rolesOf(Authentication who) {
        Set<String> authorities = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(Role.values()).filter(role -> authorities.contains(role.authority())).forEach(roles::add);
        return roles;
    }

    private static Rule open(String pattern) {
        return new Rule(PathPatternRequestMatcher.withDefaults().matcher(pattern), Kind.OPEN, Set.of(), pattern);
    }

    private static Rule signedIn(String pattern) {
        return new Rule(PathPatternRequestMatcher.withDefaults().matcher(pattern), Kind.SIGNED_IN, Set.of(), pattern);
    }

    /** GET only: an investor reads its documents, and a POST under a program stays the treasury's command. */
    private static Rule ownDocument(String pattern) {
        return new Rule(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern), Kind.OWN_DOCUMENT,
                READERS, "GET " + pattern);
    }

    private static Rule rule(HttpMethod method, String pattern, Set<Role> roles) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        RequestMatcher matcher = method == null ? builder.matcher(pattern) : builder.matcher(method, pattern);
        return new Rule(matcher, Kind.ROLES, Set.copyOf(roles), (method == null ? "" : method + " ") + pattern);
    }
}
