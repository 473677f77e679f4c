package com.capitalledger.api.security;

import com.capitalledger.api.command.Refusals;
import com.capitalledger.api.config.Misconfiguration;
import com.capitalledger.api.console.ConsoleConfiguration;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemWriter;
import com.capitalledger.core.shared.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Authentication on everything but the health probes: HTTP Basic against {@code ledger.security.users} (or the
 * embedded default's demo users), and bearer JWTs when Spring Boot's resource-server properties name an issuer, a
 * JWK set or a public key. Stateless (no session, so no CSRF exposure); 401 and 403 answer as problem+json. Failed
 * sign-ins are throttled per address and per user at an address ({@link SignInThrottle}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class SecurityConfiguration {

    private static final Pattern INVESTOR_ID = Pattern.compile(Ids.PATTERN);

    /**
     * The users, decided once at start-up. Anywhere but on the embedded default, no users and no JWT issuer means no
     * one could ever be authenticated legitimately: the service refuses to start rather than run open or with a
     * default credential.
     */
    @Bean
    UserDirectory userDirectory(LedgerSecurityProperties properties, ObjectProvider<EmbeddedPostgres> embedded,
                                ObjectProvider<JwtDecoder> jwt,
                                ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
        if (jwt.getIfAvailable() != null) {
            List<String> audiences = resourceServer.getIfAvailable() == null ? List.of()
                    : resourceServer.getIfAvailable().getJwt().getAudiences();
            if (audiences.isEmpty()) {
                // Without an audience check, any token the identity provider signs (for any other application) with a
                // roles claim would be accepted here.
                throw new Misconfiguration("A JWT issuer or key set is configured without an audience: any token "
                        + "the identity provider signs for another application would be accepted.", "Set "
                        + Misconfiguration.property("spring.security.oauth2.resourceserver.jwt.audiences")
                        + " to the audience the ledger's tokens carry.");
            }
        }
        if (!properties.users().isEmpty()) {
            return UserDirectory.configured(properties.users());
        }
        if (embedded.getIfAvailable() != null && properties.demoUsers()) {
            return UserDirectory.demo(DemoCredentials.loadOrCreate(properties.demoCredentialsFile()));
        }
        if (jwt.getIfAvailable() != null) {
            return UserDirectory.none();
        }
        throw new Misconfiguration("No way to authenticate anyone: no users are configured and no JWT issuer. Demo "
                + "users exist only on the embedded default database, unless ledger.security.demo-users=false.",
                "Configure users: " + Misconfiguration.property("ledger.security.users[0].name") + ", "
                + Misconfiguration.property("ledger.security.users[0].password") + " as a {bcrypt} hash and "
                + Misconfiguration.property("ledger.security.users[0].roles") + ", then [1] and so on. Or configure "
                + "a JWT issuer: " + Misconfiguration.property("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                + " or " + Misconfiguration.property("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
                + ", with " + Misconfiguration.property("spring.security.oauth2.resourceserver.jwt.audiences") + ".");
    }

    @Bean
    SignInThrottle signInThrottle(LedgerSecurityProperties properties, UserDirectory users, Clock clock,
                                  MeterRegistry meters) {
        return new SignInThrottle(properties.signIn(), users.names(), clock, meters);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, UserDirectory users, LedgerSecurityProperties properties,
                            ObjectProvider<JwtDecoder> jwtDecoder, ProblemWriter problemWriter, Clock clock,
                            SignInThrottle throttle, MeterRegistry meters, Refusals refusals) throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        SecurityProblems problems = new SecurityProblems(problemWriter, decoder != null, refusals);

        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users.users()));
        // Only {bcrypt} hashes are accepted. A name that is no user is checked against a dummy hash this encoder
        // makes: at the users' highest cost, so that unknown names do not answer faster than known ones.
        bcrypt.setPasswordEncoder(new CountedPasswordEncoder(new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(users.highestCost()))), meters));
        // The throttle first: a throttled attempt is refused before even a remembered credential is compared, so that
        // a guesser learns nothing while throttled.
        http.authenticationManager(new ProviderManager(new ThrottledSignIn(
                new RememberedCredentials(bcrypt, properties.rememberCredentials(), clock), throttle,
                SignInThrottle.Scheme.BASIC)));

        http.headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                PathPatternRequestMatcher.withDefaults().matcher(ConsoleConfiguration.PATH + "/**"),
                new StaticHeadersWriter("Content-Security-Policy", ConsoleConfiguration.CONTENT_SECURITY_POLICY))));
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(authorize -> {
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        if (rule.open()) {
                            authorize.requestMatchers(rule.matcher()).permitAll();
                        } else {
                            authorize.requestMatchers(rule.matcher()).access((who, context) ->
                                    new AuthorizationDecision(rule.allows(who.get(), context.getRequest())));
                        }
                    }
                    // The rules end with one for every path; should one ever be missed, it is refused, not allowed.
                    authorize.anyRequest().denyAll();
                });
        if (decoder != null) {
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
            provider.setJwtAuthenticationConverter(tokens(properties.jwt(), users.names()));
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(
                            new ThrottledSignIn(provider, throttle, SignInThrottle.Scheme.BEARER))))
                    .addObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(problems::bearerFailure);
                            return filter;
                        }
                    }));
        }
        return http.build();
    }

    /**
     * Spring Security would otherwise wrap each of its filters in a Micrometer observation on every request; the
     * request itself is already timed (http.server.requests). Authentications and authorisations stay observed.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    /**
     * The firewall refuses requests whose URL could be read two ways (encoded semicolons, slashes, dot segments...)
     * before any filter runs; they get the same 400 problem as any other malformed request.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                ProblemCode.MALFORMED_REQUEST,
                "the request URL is not acceptable: it contains encoded or ambiguous characters");
    }

    /**
     * A token's principal (recorded as the actor on events), its ledger roles (other role names are ignored) and, for
     * an INVESTOR, the investor it is bound to.
     */
    static Converter<Jwt, AbstractAuthenticationToken> tokens(LedgerSecurityProperties.Jwt settings,
                                                              Set<String> basicUsers) {
        return jwt -> {
            String principal = jwt.getClaimAsString(settings.principalClaim());
            if (principal == null || principal.isBlank()) {
                throw new InvalidBearerTokenException("the token has no " + settings.principalClaim() + " claim");
            }
            if (basicUsers.contains(principal.toLowerCase(Locale.ROOT))) {
                // The actor and the idempotency keys of a configured user must not be reachable through a token.
                throw new InvalidBearerTokenException("the token's principal is the name of a configured user");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : claimValues(jwt.getClaims().get(settings.rolesClaim()))) {
                for (Role role : Role.values()) {
                    // Exactly the ledger's role names: an identity provider's generic "admin" grants nothing here.
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
            if (roles.contains(Role.ADMIN) && roles.contains(Role.TREASURY)) {
                throw new InvalidBearerTokenException("the token combines ADMIN with TREASURY, which segregation of "
                        + "duties forbids");
            }
            if (roles.contains(Role.INVESTOR) && roles.size() > 1) {
                throw new InvalidBearerTokenException("the token combines INVESTOR with another role: an investor is "
                        + "an outside party");
            }
            List<GrantedAuthority> authorities = new ArrayList<>();
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            // The investor claim binds an INVESTOR only; on another role's token it grants nothing and is ignored.
            // An INVESTOR without it (or with a value that is no investor id) is still signed in, and refused
            // everything (403) as bound to no investor.
            if (roles.contains(Role.INVESTOR) && jwt.getClaims().get(settings.investorIdClaim()) instanceof String id
                    && INVESTOR_ID.matcher(id).matches()) {
                authorities.add(new BoundInvestor(id));
            }
            return new JwtAuthenticationToken(jwt, authorities, principal);
        };
    }

    private static List<String> claimValues(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }
}
