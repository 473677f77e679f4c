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
import java.util.TreeMap;

import static com.capitalledger.api.support.HttpClientSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Stargate demo posted over HTTP gives, field by field, the positions, cash flows, distributions, returns and
 * capital accounts that {@code demo_expected.py} computes independently (exact rationals, its own waterfall, its own
 * IRR) from the same scenario file: during construction in 2025, after the first waterfalls in 2027, at the 2028
 * lock-up and after its cure. Its own
 * context and database: the demo posts SOFR fixings, which every program on SOFR shares.
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
    void loadTheDemoAsIfItsFirstLoadHadStoppedBeforeTheLastStep() {
        URI base = URI.create("http://localhost:" + port);
        assertThat(firstStart.firstStartOrUnfinished("treasury")).as("an empty event store").isTrue();
        assertThat(demo.steps()).as("20 financing steps, 24 operating ones and 6 valuations").isEqualTo(50);
        assertThat(demo.load(base, TestUsers.TREASURY.basic(), 49)).as("every step newly recorded").isEqualTo(49);
        assertThat(firstStart.firstStartOrUnfinished("treasury")).as("a load that stopped early").isTrue();

        assertThat(demo.load(URI.create(base + "/"), TestUsers.TREASURY.basic()))
                .as("the next start posts the last step, the others are replayed").isEqualTo(1);
        assertThat(firstStart.firstStartOrUnfinished("treasury")).as("a finished load").isFalse();
        awaitReadModels();
    }

    @Test
    void theDemoPostedOverHttpGivesThePositionsItsIndependentComputationExpects() throws IOException {
        JsonNode expected = expected().get("positions");
        assertThat(expected.size()).isEqualTo(5);
        for (Map.Entry<String, JsonNode> asOf : expected.properties()) {
            ObjectNode actual = (ObjectNode) read("/api/v1/programs/STARGATE/positions?asOf=" + asOf.getKey());
            assertThat(actual.remove("knownAt")).as("knownAt is reported").isNotNull();
            assertThat(actual).as("positions as of " + asOf.getKey()).isEqualTo(asOf.getValue());
        }
    }

    @Test
    void theDemoGivesTheCashFlowsAndDistributionsItsIndependentComputationExpects() throws IOException {
        JsonNode expected = expected();
        assertThat(expected.get("cashFlows").size()).isEqualTo(2);
        for (Map.Entry<String, JsonNode> asOf : expected.get("cashFlows").properties()) {
            JsonNode actual = read("/api/v1/programs/STARGATE/cash-flows?asOf=" + asOf.getKey());
            assertThat(actual).as("cash flows as of " + asOf.getKey()).isEqualTo(asOf.getValue());
        }
        for (Map.Entry<String, JsonNode> asOf : expected.get("distributions").properties()) {
            assertThat(read("/api/v1/programs/STARGATE/distributions?asOf=" + asOf.getKey()))
                    .as("distributions as of " + asOf.getKey()).isEqualTo(asOf.getValue());
        }
    }

    @Test
    void theDemoGivesTheReturnsAndCapitalAccountsItsIndependentComputationExpects() throws IOException {
        JsonNode expected = expected();
        assertThat(expected.get("returns").size()).isEqualTo(6);
        for (Map.Entry<String, JsonNode> asOf : expected.get("returns").properties()) {
            ObjectNode actual = (ObjectNode) read("/api/v1/programs/STARGATE/returns?asOf=" + asOf.getKey());
            assertThat(actual.remove("knownAt")).as("knownAt is reported").isNotNull();
            // Figure by figure first, for a failure that names the figure; then the whole document.
            for (int i = 0; i < asOf.getValue().get("investors").size(); i++) {
                JsonNode investor = asOf.getValue().get("investors").get(i);
                for (Map.Entry<String, JsonNode> figure : investor.properties()) {
                    assertThat(actual.get("investors").get(i).get(figure.getKey()))
                            .as(investor.get("investorId").asText() + " " + figure.getKey() + " as of " + asOf.getKey())
                            .isEqualTo(figure.getValue());
                }
            }
            assertThat(actual).as("returns as of " + asOf.getKey()).isEqualTo(asOf.getValue());
        }
        assertThat(expected.get("capitalAccounts").size()).isEqualTo(3);
        for (Map.Entry<String, JsonNode> period : expected.get("capitalAccounts").properties()) {
            String[] bounds = period.getKey().split("/");
            ObjectNode actual = (ObjectNode) read("/api/v1/programs/STARGATE/capital-accounts?from=" + bounds[0]
                    + "&to=" + bounds[1]);
            assertThat(actual.remove("knownAt")).as("knownAt is reported").isNotNull();
            assertThat(actual).as("capital accounts of " + period.getKey()).isEqualTo(period.getValue());
            for (JsonNode investor : period.getValue().get("investors")) {
                String id = investor.get("investorId").asText();
                ObjectNode one = (ObjectNode) read("/api/v1/programs/STARGATE/investors/" + id
                        + "/capital-account?from=" + bounds[0] + "&to=" + bounds[1]);
                for (Map.Entry<String, JsonNode> figure : investor.properties()) {
                    assertThat(one.get(figure.getKey())).as(id + " " + figure.getKey() + " of " + period.getKey())
                            .isEqualTo(figure.getValue());
                }
            }
        }
    }

    @Test
    void theDemoLocksUpInTheSecondHalfOf2028AndCuresInTheFirstQuarterOf2029() {
        JsonNode periods = read("/api/v1/programs/STARGATE/cash-flows?asOf=2029-12-31").get("periods");
        Map<String, String> reasons = new TreeMap<>();
        for (JsonNode period : periods) {
            reasons.put(period.get("periodEnd").asText(),
                    period.get("waterfall").get("distributionTest").get("reasons").toString());
        }
        assertThat(reasons).containsEntry("2028-06-30", "[]")
                .containsEntry("2028-09-30", "[\"DSCR_BELOW_LOCK_UP\"]")
                .containsEntry("2028-12-31", "[\"DSCR_BELOW_LOCK_UP\"]")
                .containsEntry("2029-03-31", "[]");
        JsonNode cure = periods.get(8).get("waterfall").get("lockUp");
        assertThat(cure.get("released").asText()).isEqualTo("318207638.88");
        assertThat(cure.get("closing").asText()).isEqualTo("0.00");
    }

    private JsonNode expected() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/demo_expected.json")) {
            return mapper.readTree(in);
        }
    }

    private JsonNode read(String path) {
        HttpResponse<String> response = http(TestUsers.ANALYST).get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void loadingTheDemoAgainRecordsNothingNew() {
        URI base = URI.create("http://localhost:" + port);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        assertThat(demo.load(base, TestUsers.TREASURY.basic())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
        assertThat(firstStart.firstStartOrUnfinished("treasury")).as("a ledger in use is not a first start").isFalse();
    }
}
