package com.capitalledger.api.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The envelope of DESIGN section 11, member by member, read back by the CloudEvents SDK and by plain Jackson. */
class FeedEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAcceptedEventCarriesItsProgramSubjectDatesAndMetadata() throws Exception {
        String payload = "{\"programId\":{\"value\":\"STARGATE\"},\"investorId\":{\"value\":\"SOFTBANK\"},"
                + "\"callId\":{\"value\":\"C1\"},\"amount\":\"100.00\",\"effectiveDate\":\"2026-03-01\"}";
        FeedEntry entry = FeedEnvelope.render(41, "e-1", "com.capitalledger.core.equity.api.CallDefaultRecorded",
                utf8(payload), utf8("{\"actor\":\"treasury\",\"correlationId\":\"corr-9\",\"seal\":\"x\"}"),
                "2026-12-08T01:14:41.142Z");

        JsonNode json = JSON.readTree(entry.cloudEvent());
        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo("e-1");
        assertThat(json.get("source").asText()).isEqualTo("/programs/STARGATE");
        assertThat(json.get("type").asText()).isEqualTo("com.capitalledger.CallDefaultRecorded.v1");
        assertThat(json.get("subject").asText()).isEqualTo("SOFTBANK");
        assertThat(json.get("time").asText()).isEqualTo("2026-12-08T01:14:41.142Z");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("seq").isIntegralNumber()).isTrue();
        assertThat(json.get("seq").asLong()).isEqualTo(41);
        assertThat(json.get("effectivedate").asText()).isEqualTo("2026-03-01");
        assertThat(json.get("actor").asText()).isEqualTo("treasury");
        assertThat(json.get("correlationid").asText()).isEqualTo("corr-9");
        assertThat(json.get("data")).isEqualTo(JSON.readTree(payload));
        assertThat(entry.type()).isEqualTo("CallDefaultRecorded");
        assertThat(entry.refusal()).isFalse();
        assertThat(entry.programId()).isEqualTo("STARGATE");
        assertThat(entry.names("SOFTBANK")).isTrue();

        CloudEvent parsed = new JsonFormat().deserialize(entry.cloudEvent());
        assertThat(parsed.getTime()).isEqualTo(OffsetDateTime.parse("2026-12-08T01:14:41.142Z"));
        assertThat(parsed.getExtension("seq")).isIn(41, 41L);
        assertThat(JSON.readTree(parsed.getData().toBytes())).isEqualTo(JSON.readTree(payload));
    }

    @Test
    void aRefusalIsACommandRejectedAboutItsProgram() throws Exception {
        String payload = "{\"command\":\"CallCapital\",\"code\":\"DUPLICATE_ID\",\"programId\":\"P\",\"callId\":\"C1\","
                + "\"investorId\":null,\"trancheId\":null,\"effectiveDate\":\"2025-12-01\"}";
        FeedEntry entry = FeedEnvelope.render(7, "e-2", "com.capitalledger.core.journal.api.CommandRejected",
                utf8(payload), null, "2026-12-08T01:14:41Z");

        JsonNode json = JSON.readTree(entry.cloudEvent());
        assertThat(json.get("type").asText()).isEqualTo("com.capitalledger.CommandRejected.v1");
        assertThat(json.get("source").asText()).isEqualTo("/programs/P");
        assertThat(json.get("subject").asText()).isEqualTo("C1");
        assertThat(json.has("actor")).isFalse();
        assertThat(entry.refusal()).isTrue();
        assertThat(new FeedFilter(null, java.util.Set.of(), false, null).admits(entry)).isFalse();
        assertThat(new FeedFilter("P", java.util.Set.of("CommandRejected"), true, null).admits(entry)).isTrue();
        assertThat(new FeedFilter("Q", java.util.Set.of(), true, null).admits(entry)).isFalse();
    }

    @Test
    void aFixingComesFromItsBaseRate() throws Exception {
        FeedEntry entry = FeedEnvelope.render(3, "e-3", "com.capitalledger.core.rates.api.BaseRateFixed",
                utf8("{\"rateName\":{\"value\":\"TERM-SOFR-3M\"},\"ratePct\":\"4.3100\","
                        + "\"effectiveDate\":\"2025-01-01\"}"),
                utf8("{}"), "2026-12-08T01:14:41.000001Z");

        JsonNode json = JSON.readTree(entry.cloudEvent());
        assertThat(json.get("source").asText()).isEqualTo("/base-rates/TERM-SOFR-3M");
        assertThat(json.has("subject")).isFalse();
        assertThat(entry.programId()).isNull();
        assertThat(new FeedFilter("P", java.util.Set.of(), true, null).admits(entry)).isFalse();
        assertThat(FeedFilter.everything().admits(entry)).isTrue();
    }
}
