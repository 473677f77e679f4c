package com.capitalledger.api.security;

import com.capitalledger.api.config.Misconfiguration;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Failed sign-ins, counted in token buckets (Bucket4j) in this node's memory: per client address, and per user name
 * at an address. An attempt from an address, or as a name from an address, whose allowance is used up is refused
 * before its credentials are checked, so guessing costs the service no bcrypt run. Only failures use the allowance:
 * a stranger failing from another address never stops a user signing in from its own, and a user's success gives
 * its allowance at that address back. A bucket's whole allowance comes back at the end of each window.
 */
final class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern UNPRINTABLE = Pattern.compile("[^0-9A-Za-z:./_-]");

    /** How the attempt signed in: a Basic attempt names a user; a bearer token's claims are not trusted until checked. */
    enum Scheme {
        BASIC, BEARER;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final LedgerSecurityProperties.SignIn limits;
    private final Set<String> users;
    private final TimeMeter time;
    private final Cache<String, Bucket> addresses;
    private final Cache<UserAtAddress, Bucket> usersAtAddresses;
    private final Map<Scheme, Counter> failures = new EnumMap<>(Scheme.class);
    private final Map<Scheme, Counter> refusals = new EnumMap<>(Scheme.class);

    /**
     * @param users the configured users' names in lower case: the log names a user, never what else was typed as one
     */
    SignInThrottle(LedgerSecurityProperties.SignIn limits, Set<String> users, Clock clock, MeterRegistry meters) {
        check(limits.failuresPerUserAndAddress() > 0, "failures-per-user-and-address", "at least 1");
        check(limits.failuresPerAddress() > 0, "failures-per-address", "at least 1");
        check(limits.window().compareTo(Duration.ofSeconds(1)) >= 0, "window", "at least 1s");
        check(limits.tracked() > 0, "tracked", "at least 1");
        this.limits = limits;
        this.users = Set.copyOf(users);
        // The service's clock, so that a test can move time on instead of waiting out a window.
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.addresses = buckets(limits.failuresPerAddress());
        this.usersAtAddresses = buckets(limits.failuresPerUserAndAddress());
        for (Scheme scheme : Scheme.values()) {
            failures.put(scheme, Counter.builder("ledger.signin.failures").tag("scheme", scheme.tag())
                    .description("Sign-in attempts whose credentials were checked and refused (401)")
                    .register(meters));
            refusals.put(scheme, Counter.builder("ledger.signin.throttled").tag("scheme", scheme.tag())
                    .description("Sign-in attempts refused unchecked, after too many failures (429 TOO_MANY_ATTEMPTS)")
                    .register(meters));
        }
    }

    /**
     * Lets an attempt's credentials be checked, or refuses it unchecked.
     *
     * @param user the name a Basic attempt signs in as, null for a bearer token
     * @throws SignInThrottled when its address, or its user at that address, has no failure left in this window
     */
    void admit(Scheme scheme, String remoteAddress, String user) {
        String address = address(remoteAddress);
        long addressWait = wait(addresses.getIfPresent(address));
        long userWait = user == null ? 0 : wait(usersAtAddresses.getIfPresent(UserAtAddress.of(user, address)));
        if (addressWait == 0 && userWait == 0) {
            return;
        }
        refusals.get(scheme).increment();
        long seconds = seconds(Math.max(addressWait, userWait));
        throw new SignInThrottled((addressWait > 0 ? "too many failed sign-ins from this address"
                : "too many failed sign-ins as this user from this address") + ": retry after " + seconds + " s",
                seconds);
    }

    /** Counts a failed attempt; the one that uses the last failure of a window logs that throttling starts. */
    void failed(Scheme scheme, String remoteAddress, String user) {
        failures.get(scheme).increment();
        String address = address(remoteAddress);
        Bucket fromAddress = addresses.get(address, any -> bucket(limits.failuresPerAddress()));
        if (useLast(fromAddress)) {
            log.warn("Sign-in throttled: {} failed sign-ins from {} within {} s; its attempts are refused unchecked "
                    + "(429) for {} s", limits.failuresPerAddress(), address, limits.window().toSeconds(),
                    seconds(wait(fromAddress)));
        }
        if (user != null) {
            Bucket asUser = usersAtAddresses.get(UserAtAddress.of(user, address),
                    any -> bucket(limits.failuresPerUserAndAddress()));
            if (useLast(asUser)) {
                String who = users.contains(user.toLowerCase(Locale.ROOT)) ? "user " + user : "a name that is no user";
                log.warn("Sign-in throttled: {} failed sign-ins as {} from {} within {} s; its attempts as that "
                        + "name there are refused unchecked (429) for {} s", limits.failuresPerUserAndAddress(), who,
                        address, limits.window().toSeconds(), seconds(wait(asUser)));
            }
        }
    }

    /** A user who signed in gives back its failures at that address (its address's count stays). */
    void succeeded(String remoteAddress, String user) {
        if (user != null) {
            usersAtAddresses.invalidate(UserAtAddress.of(user, address(remoteAddress)));
        }
    }

    /**
     * The address an attempt is counted under: IPv4 as it is, IPv6 by its /64 (one subscriber's, who can otherwise
     * change address at will), anything else as given but printable and short.
     */
    static String address(String remote) {
        if (remote == null || remote.isBlank()) {
            return "unknown";
        }
        String literal = remote.split("%", 2)[0];
        if (literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches()) {
            try {
                // A literal with a colon is parsed, never looked up.
                InetAddress parsed = InetAddress.getByName(literal);
                if (parsed instanceof Inet6Address) {
                    byte[] prefix = Arrays.copyOf(parsed.getAddress(), 16);
                    Arrays.fill(prefix, 8, 16, (byte) 0);
                    return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
                }
                return parsed.getHostAddress();
            } catch (UnknownHostException notAnAddress) {
                // Counted as given, below.
            }
        }
        String printable = UNPRINTABLE.matcher(remote).replaceAll("?");
        return printable.length() > 64 ? printable.substring(0, 64) : printable;
    }

    /**
     * Buckets by key, at most {@code tracked} of them. A full bucket is as good as none, so each is forgotten once it
     * is full again: a window after the time it needs to refill, which covers one more failure taken from it after
     * this access.
     */
    private <K> Cache<K, Bucket> buckets(int failures) {
        return Caffeine.newBuilder().maximumSize(limits.tracked()).ticker(time::currentTimeNanos)
                .expireAfter(Expiry.<K, Bucket>accessing((key, bucket) -> Duration.ofNanos(
                        bucket.estimateAbilityToConsume(failures).getNanosToWaitForRefill()).plus(limits.window())))
                .build();
    }

    private Bucket bucket(int failures) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillIntervally(failures, limits.window()))
                .withCustomTimePrecision(time).build();
    }

    /** Uses one failure of the bucket's allowance; true when it was the last one left. */
    private static boolean useLast(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            // Attempts already being checked when the allowance ran out count too, as debt: a burst sent in parallel
            // is throttled for longer instead of getting more checks.
            bucket.consumeIgnoringRateLimits(1);
            return false;
        }
        return probe.getRemainingTokens() == 0;
    }

    /** Nanoseconds until the bucket allows another attempt; 0 when it does now or there is none. */
    private static long wait(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private static void check(boolean valid, String property, String rule) {
        if (!valid) {
            String name = "ledger.security.sign-in." + property;
            throw new Misconfiguration(name + " must be " + rule + ".", "Correct "
                    + Misconfiguration.property(name) + " in the service's configuration.");
        }
    }

    /**
     * A user name at an address. The name is kept as a digest: any text can be sent as a name, and a long one must not
     * cost more memory than a short one. Names are case-insensitive, as the user store's are.
     */
    private record UserAtAddress(String address, String name) {

        static UserAtAddress of(String name, String address) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                return new UserAtAddress(address, Base64.getEncoder().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
