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
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * On the embedded default (the only place demo users exist), posts the Stargate demo once the service is ready,
 * signed in as the demo treasury user, unless {@code ledger.demo.enabled=false} or the program is already there.
 * A demo that cannot be loaded is logged as an error; the service itself keeps running.
 */
@Component
public class DemoOnFirstStart {

    private static final Logger log = LoggerFactory.getLogger(DemoOnFirstStart.class);

    private final StargateDemo demo;
    private final UserDirectory users;
    private final boolean enabled;

    public DemoOnFirstStart(StargateDemo demo, UserDirectory users, @Value("${ledger.demo.enabled:true}") boolean enabled) {
        this.demo = demo;
        this.users = users;
        this.enabled = enabled;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent ready) {
        Optional<String> password = users.demoPassword(Role.TREASURY);
        if (!enabled || password.isEmpty()
                || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        URI base = URI.create("http://localhost:" + web.getWebServer().getPort());
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (DemoCredentials.userName(Role.TREASURY) + ":" + password.get()).getBytes(StandardCharsets.UTF_8));
        try {
            if (demo.present(base, authorization)) {
                log.info("The {} demo program is already in the ledger", StargateDemo.PROGRAM_ID);
                return;
            }
            int recorded = demo.load(base, authorization);
            log.info("Loaded the {} demo program through the API ({} commands recorded as treasury); see {}positions",
                    StargateDemo.PROGRAM_ID, recorded, base.resolve("/api/v1/programs/" + StargateDemo.PROGRAM_ID + "/"));
        } catch (RuntimeException e) {
            log.error("The {} demo program could not be loaded; the ledger runs without it", StargateDemo.PROGRAM_ID, e);
        }
    }
}
