package com.capitalledger.api.demo;

import com.capitalledger.api.security.DemoCredentials;
import com.capitalledger.api.security.Role;
import com.capitalledger.api.security.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * On the embedded default (the only place demo users exist), posts the Stargate demo once the service is ready,
 * signed in as the demo treasury user, unless {@code ledger.demo.enabled=false}. Only on a first start (an empty
 * event store), or to finish a load that was interrupted: the demo records SOFR fixings, which every program on SOFR
 * shares, so it must never land in a ledger already in use. A demo that cannot be loaded is logged as an error; the
 * service itself keeps running.
 */
@Component
public class DemoOnFirstStart {

    /** What the last start did about the demo. */
    public enum Outcome { DISABLED, NOT_FIRST_START, LOADED, FAILED }

    private static final Logger log = LoggerFactory.getLogger(DemoOnFirstStart.class);

    private final StargateDemo demo;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final boolean enabled;
    private final String contextPath;
    private volatile Outcome outcome = Outcome.DISABLED;

    public DemoOnFirstStart(StargateDemo demo, UserDirectory users, JdbcTemplate jdbc,
                            @Value("${ledger.demo.enabled:true}") boolean enabled,
                            @Value("${server.servlet.context-path:}") String contextPath) {
        this.demo = demo;
        this.users = users;
        this.jdbc = jdbc;
        this.enabled = enabled;
        this.contextPath = contextPath;
    }

    public Outcome outcome() {
        return outcome;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent ready) {
        Optional<String> password = users.demoPassword(Role.TREASURY);
        if (!enabled || password.isEmpty()
                || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String user = DemoCredentials.userName(Role.TREASURY);
        if (!firstStartOrUnfinished(user)) {
            outcome = Outcome.NOT_FIRST_START;
            return;
        }
        URI base = URI.create("http://localhost:" + web.getWebServer().getPort() + contextPath);
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password.get()).getBytes(StandardCharsets.UTF_8));
        try {
            int recorded = demo.load(base, authorization);
            outcome = Outcome.LOADED;
            log.info("Loaded the {} demo program through the API ({} commands recorded as {}); see {}",
                    StargateDemo.PROGRAM_ID, recorded, user,
                    base + "/api/v1/programs/" + StargateDemo.PROGRAM_ID + "/positions");
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            log.error("The {} demo program could not be loaded; the ledger runs without it", StargateDemo.PROGRAM_ID, e);
        }
    }

    /**
     * An empty event store, or a demo whose first step was answered but not its last (steps are idempotent, so
     * loading again finishes it). Read from the store and the idempotency keys, not from an eventually consistent
     * read model.
     */
    boolean firstStartOrUnfinished(String user) {
        Boolean empty = jdbc.queryForObject("SELECT NOT EXISTS (SELECT 1 FROM domain_event_entry)", Boolean.class);
        if (Boolean.TRUE.equals(empty)) {
            return true;
        }
        return answered(user, StargateDemo.key(1)) && !answered(user, StargateDemo.key(demo.steps()));
    }

    private boolean answered(String user, String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM idempotency_key WHERE principal = ?"
                + " AND idempotency_key = ?)", Boolean.class, user, key));
    }
}
