package com.capitalledger.api.support;

import com.capitalledger.api.LedgerApplication;
import com.capitalledger.api.admin.ReadModelStatus;
import com.capitalledger.api.admin.ReadModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of tests that run the whole service over real HTTP on a real PostgreSQL (see {@link TestDatabase}). */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.configure(registry);
        TestUsers.configure(registry);
    }

    @Autowired
    protected ReadModels readModels;

    /** A client signed in as the treasury system, which posts commands and reads positions. */
    protected HttpClientSupport http() {
        return http(TestUsers.TREASURY);
    }

    protected HttpClientSupport http(TestUsers user) {
        return new HttpClientSupport("http://localhost:" + port, user.basic());
    }

    protected HttpClientSupport anonymous() {
        return new HttpClientSupport("http://localhost:" + port);
    }

    /** Waits until every read model has handled every stored event. */
    protected void awaitReadModels() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (readModels.status().stream().allMatch(s -> s.position() >= s.head()
                    && s.state() == ReadModelStatus.State.LIVE)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("read models did not catch up: " + readModels.status());
    }
}
