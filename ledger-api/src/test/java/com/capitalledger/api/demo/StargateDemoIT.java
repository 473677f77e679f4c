package com.capitalledger.api.demo;

import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.api.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Stargate demo posted over HTTP gives, field by field, the positions that {@code demo_expected.py} computes
 * independently (exact rationals) from the same scenario file, for mid-year and year-end 2025. Its own context and
 * database: the demo posts SOFR fixings, which every program on SOFR shares.
 */
@TestPropertySource(properties = "ledger.test.context=stargate-demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class StargateDemoIT extends IntegrationTest {

    @Autowired
    private StargateDemo demo;

    @Autowired
    private DemoOnFirstStart firstStart;

    @Autowired
    private ObjectMapper mapper;

    @BeforeAll
    void loadTheDemo() {
        URI base = URI.create("http://localhost:" + port);
        assertThat(firstStart.firstStartOrUnfinished("treasury")).as("an empty event store").isTrue();
        assertThat(demo.load(base, TestUsers.TREASURY.basic())).as("every step newly recorded").isEqualTo(20);
        awaitReadModels();
    }

    @Test
    void theDemoPostedOverHttpGivesThePositionsItsIndependentComputationExpects() throws IOException {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/demo_expected.json")) {
            expected = mapper.readTree(in);
        }
        assertThat(expected.size()).isEqualTo(2);
        for (Map.Entry<String, JsonNode> asOf : expected.properties()) {
            HttpResponse<String> response = http(TestUsers.ANALYST)
                    .get("/api/v1/programs/STARGATE/positions?asOf=" + asOf.getKey());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            ObjectNode actual = (ObjectNode) json(response);
            assertThat(actual.remove("knownAt")).as("knownAt is reported").isNotNull();
            assertThat(actual).as("positions as of " + asOf.getKey()).isEqualTo(asOf.getValue());
        }
    }

    @Test
    void loadingTheDemoAgainRecordsNothingNew() {
        URI base = URI.create("http://localhost:" + port);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        assertThat(demo.load(base, TestUsers.TREASURY.basic())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
        assertThat(firstStart.firstStartOrUnfinished("treasury")).as("a ledger in use is not a first start").isFalse();
    }

    @Test
    void aLoadInterruptedBeforeItsLastStepIsFinishedOnTheNextStart() {
        // As if the service had stopped after step 19: the last step's answer was never recorded.
        jdbc.update("DELETE FROM idempotency_key WHERE principal = 'treasury' AND idempotency_key = ?",
                StargateDemo.key(20));
        assertThat(firstStart.firstStartOrUnfinished("treasury")).isTrue();

        demo.load(URI.create("http://localhost:" + port + "/"), TestUsers.TREASURY.basic());

        assertThat(firstStart.firstStartOrUnfinished("treasury")).isFalse();
    }
}
