package com.capitalledger.api.security;

import com.capitalledger.api.support.HttpClientSupport;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.OpenApiConformance;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins over real HTTP through the real security chain, from several clients behind a reverse proxy: the
 * service runs as operators run it there, with {@code server.forward-headers-strategy=native}, and this test is the
 * proxy, on 127.0.0.1 (a loopback address, so one of Tomcat's default internal proxies), naming each client's address
 * in {@code X-Forwarded-For}. So it needs no address but 127.0.0.1, on any operating system.
 * {@link SignInThrottleWithoutProxyIT} checks that without the strategy the header changes nothing. Three failures per
 * user at an address and six per address, per minute, on a clock the test moves on instead of waiting. Each test signs
 * in from addresses of its own. Bearer tokens are checked against a key pair made here.
 */
@DirtiesContext
@Import(SignInThrottleIT.MovableClock.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"ledger.test.context=sign-in-throttle", "server.forward-headers-strategy=native",
        "ledger.security.sign-in.failures-per-user-and-address=3", "ledger.security.sign-in.failures-per-address=6"})
class SignInThrottleIT extends IntegrationTest {

    private static final String LEDGER = "capital-ledger";
    private static final KeyPair ISSUER = rsa();
    private static final String WRONG = basic(TestUsers.TREASURY.userName(), "not-the-password");

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private MovingClock clock;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) throws IOException {
        Path key = Files.createTempFile("sign-in-throttle-issuer", ".pem");
        key.toFile().deleteOnExit();
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'})
                .encodeToString(ISSUER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> key.toUri().toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> LEDGER);
    }

    @Test
    void wrongPasswordsAreThrottledWithoutABcryptRunAndTheTreasurySystemStillSignsInFromItsOwnAddress(
            CapturedOutput output) {
        Client stranger = from("192.0.2.2");
        Client treasurySystem = from("192.0.2.3");
        double failuresBefore = metric("ledger.signin.failures", "basic");
        double throttledBefore = metric("ledger.signin.throttled", "basic");
        double checksBefore = passwordChecks();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = stranger.get("/api/v1/me", "Authorization", WRONG);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(passwordChecks() - checksBefore).isEqualTo(3);

        HttpResponse<String> throttled = stranger.get("/api/v1/me", "Authorization", WRONG,
                "X-Correlation-Id", "throttled-1");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(throttled.headers().allValues("WWW-Authenticate")).isEmpty();
        JsonNode problem = json(throttled);
        assertThat(problem.get("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).isEqualTo("too many failed sign-ins as this user from this "
                + "address: retry after " + retryAfter + " s");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/me");
        assertThat(problem.get("correlationId").asText()).isEqualTo("throttled-1");

        // While throttled even the right password is not checked: a guesser learns nothing, and spends no bcrypt run.
        assertThat(stranger.get("/api/v1/me", "Authorization", TestUsers.TREASURY.basic()).statusCode())
                .isEqualTo(429);
        assertThat(passwordChecks() - checksBefore).isEqualTo(3);

        HttpResponse<String> own = treasurySystem.get("/api/v1/me", "Authorization", TestUsers.TREASURY.basic());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(json(own).get("name").asText()).isEqualTo("treasury");
        assertThat(stranger.get("/api/v1/me", "Authorization", TestUsers.COMPLIANCE.basic()).statusCode())
                .as("another user at the stranger's address").isEqualTo(200);

        assertThat(new OpenApiConformance(json(http().get("/v3/api-docs"))).check("get", "/api/v1/me", throttled))
                .isEmpty();
        assertThat(metric("ledger.signin.failures", "basic") - failuresBefore).isEqualTo(3);
        assertThat(metric("ledger.signin.throttled", "basic") - throttledBefore).isEqualTo(2);
        // Counted under the address the proxy named, not the proxy's own.
        assertThat(output.getOut().lines().filter(line -> line.contains("Sign-in throttled"))).singleElement()
                .asString()
                .contains("Sign-in throttled: 3 failed sign-ins as user treasury from 192.0.2.2 within 60 s");
    }

    @Test
    void theWindowsEndLetsTheUserInAgainAndASuccessGivesItsFailuresBack() {
        Client client = from("192.0.2.4");
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/v1/me", "Authorization", WRONG).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = client.get("/api/v1/me", "Authorization", TestUsers.TREASURY.basic());
        assertThat(throttled.statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())));
        assertThat(client.get("/api/v1/me", "Authorization", TestUsers.TREASURY.basic()).statusCode()).isEqualTo(200);

        // One failure, a success, then three failures more before the next attempt is throttled.
        assertThat(client.get("/api/v1/me", "Authorization", WRONG).statusCode()).isEqualTo(401);
        assertThat(client.get("/api/v1/me", "Authorization", TestUsers.TREASURY.basic()).statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/v1/me", "Authorization", WRONG).statusCode()).isEqualTo(401);
        }
        assertThat(client.get("/api/v1/me", "Authorization", WRONG).statusCode()).isEqualTo(429);
    }

    @Test
    void anAddressFailingUnderManyNamesIsThrottledForEveryNameButNotForTheTreasurySystemElsewhere(
            CapturedOutput output) {
        Client sprayer = from("2001:db8:5:5::1");
        for (int i = 0; i < 6; i++) {
            assertThat(sprayer.get("/api/v1/me", "Authorization", basic("guess-" + i, "password")).statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> throttled = sprayer.get("/api/v1/me", "Authorization", TestUsers.ANALYST.basic());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(json(throttled).get("detail").asText()).startsWith("too many failed sign-ins from this address");
        // An IPv6 address counts by its /64: the sprayer's next address is throttled as well.
        assertThat(from("2001:db8:5:5::2").get("/api/v1/me", "Authorization", TestUsers.ANALYST.basic())
                .statusCode()).isEqualTo(429);
        // An address the client put in the header itself stands left of the one the proxy appended, and is not
        // believed: Tomcat takes the rightmost address that is no internal proxy.
        assertThat(proxy().get("/api/v1/me", "Authorization", TestUsers.ANALYST.basic(),
                "X-Forwarded-For", "198.51.100.9, 2001:db8:5:5::1").statusCode()).isEqualTo(429);
        assertThat(from("2001:db8:5:6::1").get("/api/v1/me", "Authorization", TestUsers.TREASURY.basic())
                .statusCode()).isEqualTo(200);
        assertThat(output.getOut().lines().filter(line -> line.contains("Sign-in throttled"))).singleElement()
                .asString().contains("Sign-in throttled: 6 failed sign-ins from 2001:db8:5:5:0:0:0:0/64 within 60 s");
    }

    @Test
    void invalidBearerTokensCountAgainstTheirAddress() {
        Client forger = from("203.0.113.7");
        double failuresBefore = metric("ledger.signin.failures", "bearer");
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> refused = forger.get("/api/v1/me", "Authorization", "Bearer not-a-jwt");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().allValues("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        }

        HttpResponse<String> throttled = forger.get("/api/v1/me", "Authorization", token("treasury-system-9"));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(json(throttled).get("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(throttled.headers().allValues("WWW-Authenticate")).isEmpty();
        assertThat(forger.get("/api/v1/me", "Authorization", TestUsers.TREASURY.basic()).statusCode())
                .isEqualTo(429);
        HttpResponse<String> elsewhere = from("203.0.113.8").get("/api/v1/me", "Authorization",
                token("treasury-system-9"));
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);
        assertThat(json(elsewhere).get("name").asText()).isEqualTo("treasury-system-9");
        assertThat(metric("ledger.signin.failures", "bearer") - failuresBefore).isEqualTo(6);
    }

    /** The reverse proxy: a connection from 127.0.0.1, which Tomcat's default internal proxies include. */
    private HttpClientSupport proxy() {
        return new HttpClientSupport("http://127.0.0.1:" + port);
    }

    /** A client at {@code address}, whose requests the proxy passes on naming that address. */
    private Client from(String address) {
        return new Client(proxy(), address);
    }

    /** A counter as an operator reads it, from /actuator/metrics (as admin, whose sign-in never fails here). */
    private double metric(String name, String scheme) {
        HttpResponse<String> response = http(TestUsers.ADMIN).get("/actuator/metrics/" + name + "?tag=scheme:" + scheme);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("measurements").get(0).get("value").asDouble();
    }

    /** Read in process: reading it over HTTP would sign in, and could run bcrypt itself. */
    private double passwordChecks() {
        return meters.get("ledger.signin.password.checks").counter().count();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String subject) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
                    new JWTClaimsSet.Builder().subject(subject).claim("roles", List.of("TREASURY")).audience(LEDGER)
                            .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                            .build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) ISSUER.getPrivate()));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client behind the proxy, which sends {@code X-Forwarded-For} with the client's address. */
    private record Client(HttpClientSupport proxy, String address) {

        /** @param headers names and values, alternating */
        HttpResponse<String> get(String path, String... headers) {
            List<String> forwarded = new ArrayList<>(List.of(headers));
            forwarded.addAll(List.of("X-Forwarded-For", address));
            return proxy.get(path, forwarded.toArray(String[]::new));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        /** The service's clock, which the test moves on. */
        @Bean
        @Primary
        MovingClock movingClock() {
            return new MovingClock();
        }
    }

    /** The system's UTC time, plus however far the test has moved it on. */
    static final class MovingClock extends Clock {

        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration by) {
            ahead = ahead.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(ZoneOffset.UTC) ? this : Clock.offset(Clock.system(zone), ahead);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }
}
