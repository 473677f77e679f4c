package com.capitalledger.api.feed;

import com.capitalledger.api.config.StoredPayloads;
import com.capitalledger.core.events.EventSamples;
import com.capitalledger.core.events.EventTypes;
import com.capitalledger.core.journal.api.CommandRejected;
import com.capitalledger.projections.fold.audit.AuditKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document of the event feed ({@code static/asyncapi.yaml}) against the code: one message per event type
 * ledger-core stores (found in its compiled classes, {@link EventTypes}) on each channel, and the CloudEvents
 * {@link FeedEnvelope} renders from each type's stored sample valid against the envelope and that type's schemas.
 */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "static/asyncapi.yaml";
    /** The IRI the document's schemas are registered under for validation. */
    private static final String BASE = "https://capitalledger.example/asyncapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORDED_AT = "2026-12-08T01:14:41.142Z";
    private static final byte[] METADATA = ("{\"" + AuditKeys.ACTOR + "\":\"treasury\",\""
            + AuditKeys.CORRELATION_ID + "\":\"corr-9\"}").getBytes(StandardCharsets.UTF_8);

    private final JsonNode document = read();
    /**
     * The document's schemas as JSON Schema draft 7 (what AsyncAPI 3.0's default schema format extends), kept at their
     * place in the document so that its references resolve; formats such as date-time are checked.
     */
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft7()).keyword(new NonValidationKeyword("components")).build(),
            builder -> builder.schemas(Map.of(BASE, JSON.createObjectNode().set("components",
                            JSON.createObjectNode().set("schemas", document.at("/components/schemas"))).toString()))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT + " on the class path").isNotNull();
            return new YAMLMapper().readTree(in);
        } catch (IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    /** Each event type's sample as the feed renders it from the stored event. */
    private static List<FeedEntry> samples() {
        List<FeedEntry> entries = new ArrayList<>();
        long seq = 0;
        for (Class<?> type : EventTypes.all()) {
            entries.add(FeedEnvelope.render(seq++, "event-" + seq, type.getName(),
                    StoredPayloads.of(EventSamples.of(type)), METADATA, RECORDED_AT));
        }
        return entries;
    }

    private Schema schema(String name) {
        return schemas.getSchema(SchemaLocation.of(BASE + "#/components/schemas/" + name));
    }

    /** The schema a message's payload names. */
    private Schema payloadOf(String message) {
        String ref = document.at("/components/messages/" + message + "/payload/$ref").asText();
        assertThat(ref).as("payload of message %s", message).startsWith("#/components/schemas/");
        return schemas.getSchema(SchemaLocation.of(BASE + ref));
    }

    private static List<String> errors(Schema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    private static JsonNode json(byte[] cloudEvent) throws IOException {
        return JSON.readTree(cloudEvent);
    }

    @Test
    void itIsAnAsyncApi300DocumentOfTheFeedsTwoChannels() {
        assertThat(document.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.at("/channels/feed/address").asText()).isEqualTo("/api/v1/feed");
        assertThat(document.at("/channels/webhook/address").isNull()).isTrue();
        assertThat(document.at("/operations/streamFeed/bindings/http/method").asText()).isEqualTo("GET");
        assertThat(document.at("/operations/deliverWebhook/bindings/http/method").asText()).isEqualTo("POST");
        assertThat(document.at("/components/messageTraits/WebhookDelivery/contentType").asText())
                .isEqualTo(FeedEnvelope.MEDIA_TYPE);
        assertThat(document.at("/components/schemas/WebhookHeaders/required")).extracting(JsonNode::asText)
                .containsExactly("webhook-id", "webhook-timestamp", "webhook-signature");
    }

    @Test
    void everyEventTypeOfTheCoreHasItsMessageOnBothChannelsAndNoOtherIsDescribed() {
        Set<String> types = new TreeSet<>();
        samples().forEach(entry -> types.add(entry.type()));
        assertThat(types).contains("CapitalCalled", "BaseRateFixed", "WaterfallRun", "CommandRejected")
                .hasSize(EventTypes.all().size());

        Set<String> messages = new TreeSet<>();
        document.get("components").get("messages").fieldNames().forEachRemaining(messages::add);
        Set<String> expected = new TreeSet<>();
        for (String type : types) {
            expected.add(type);
            expected.add(type + "Delivery");
            for (String message : List.of(type, type + "Delivery")) {
                assertThat(document.at("/components/messages/" + message + "/name").asText()).as(message)
                        .isEqualTo(FeedEnvelope.cloudEventType(type));
                assertThat(document.at("/components/schemas/" + type + "Event/allOf/1/properties/type/const")
                        .asText()).as(message).isEqualTo(FeedEnvelope.cloudEventType(type));
            }
            assertThat(document.at("/channels/feed/messages/" + type + "/$ref").asText())
                    .isEqualTo("#/components/messages/" + type);
            assertThat(document.at("/channels/webhook/messages/" + type + "/$ref").asText())
                    .isEqualTo("#/components/messages/" + type + "Delivery");
        }
        assertThat(messages).isEqualTo(expected);
        assertThat(document.at("/channels/feed/messages").size()).isEqualTo(types.size());
        assertThat(document.at("/channels/webhook/messages").size()).isEqualTo(types.size());
    }

    @Test
    void everyRenderedSampleMatchesTheEnvelopeAndItsTypesMessages() throws IOException {
        Schema envelope = schema("CloudEvent");
        for (FeedEntry entry : samples()) {
            JsonNode event = json(entry.cloudEvent());
            assertThat(errors(envelope, event)).as("%s against the envelope", entry.type()).isEmpty();
            assertThat(errors(payloadOf(entry.type()), event)).as("%s against its message", entry.type()).isEmpty();
            assertThat(errors(payloadOf(entry.type() + "Delivery"), event)).as("%s against its delivery",
                    entry.type()).isEmpty();
        }
    }

    @Test
    void theEnvelopeAdmitsARefusalOfNothingWithoutMetadataAndASeqBeyondACloudEventsInteger() throws IOException {
        CommandRejected ofNothing = new CommandRejected("CreateProgram", "VALIDATION_FAILED", "no program id", null,
                null, null, null, null, null, null, null, null);
        FeedEntry refusal = FeedEnvelope.render(7, "e-2", CommandRejected.class.getName(),
                StoredPayloads.of(ofNothing), null, "2026-12-08T01:14:41Z");
        FeedEntry far = FeedEnvelope.render(3_000_000_000L, "e-3", CommandRejected.class.getName(),
                StoredPayloads.of(EventSamples.of(CommandRejected.class)), METADATA, RECORDED_AT);

        assertThat(json(refusal.cloudEvent()).get("source").asText()).isEqualTo("/ledger");
        assertThat(json(refusal.cloudEvent()).has("actor")).isFalse();
        assertThat(json(refusal.cloudEvent()).has("effectivedate")).isFalse();
        assertThat(errors(payloadOf("CommandRejected"), json(refusal.cloudEvent()))).isEmpty();
        assertThat(json(far.cloudEvent()).get("seq").asText()).isEqualTo("3000000000");
        assertThat(errors(payloadOf("CommandRejected"), json(far.cloudEvent()))).isEmpty();
    }

    /** The schemas are strict enough to tell events apart and to notice a member that changed. */
    @Test
    void anEventMatchesNoOtherTypesMessageNorAnyChangeOfItsShape() throws IOException {
        List<FeedEntry> entries = samples();
        for (FeedEntry entry : entries) {
            for (FeedEntry other : entries) {
                if (other != entry) {
                    assertThat(errors(payloadOf(other.type()), json(entry.cloudEvent())))
                            .as("%s against %s", entry.type(), other.type()).isNotEmpty();
                }
            }
        }
        FeedEntry drawn = entries.stream().filter(entry -> entry.type().equals("TrancheDrawn")).findFirst()
                .orElseThrow();
        Schema drawnEvent = payloadOf("TrancheDrawn");

        ObjectNode undocumented = (ObjectNode) json(drawn.cloudEvent());
        undocumented.put("partitionkey", "P1");
        ObjectNode withoutSeq = (ObjectNode) json(drawn.cloudEvent());
        withoutSeq.remove("seq");
        ObjectNode amountAsNumber = (ObjectNode) json(drawn.cloudEvent());
        ((ObjectNode) amountAsNumber.get("data").get("amount")).put("amount", new java.math.BigDecimal("4000000.00"));
        ObjectNode withoutDate = (ObjectNode) json(drawn.cloudEvent());
        ((ObjectNode) withoutDate.get("data")).remove("effectiveDate");

        assertThat(errors(schema("CloudEvent"), undocumented)).singleElement().asString().contains("partitionkey");
        assertThat(errors(schema("CloudEvent"), withoutSeq)).singleElement().asString().contains("seq");
        assertThat(errors(drawnEvent, amountAsNumber)).isNotEmpty();
        assertThat(errors(drawnEvent, withoutDate)).anySatisfy(error -> assertThat(error).contains("effectiveDate"));
    }
}
