package com.capitalledger.api.config;

import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.events.EventSamples;
import com.capitalledger.core.events.EventTypes;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events are the ledger's permanent record: their JSON holds the record's fields and nothing else. A helper
 * method on a value object that reads like a bean property (an {@code isX()}) would otherwise be written into every
 * event that holds one.
 */
class StoredEventShapeTest {

    private final Serializer serializer = new AxonStorageConfiguration().serializer(new AnnotationRevisionResolver());

    @Test
    void aStoredEventHoldsItsFieldsAndNothingElse() {
        CurrencyCode usd = new CurrencyCode("USD");
        TrancheDrawn drawn = new TrancheDrawn(new ProgramId("P"), new TrancheId("T"), new DrawId("D1"),
                new Money(new BigDecimal("10.00"), usd),
                List.of(new LenderShare(new LenderId("L1"), new Money(new BigDecimal("10.00"), usd))),
                LocalDate.of(2025, 3, 3));

        SerializedObject<byte[]> stored = serializer.serialize(drawn, byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"programId\":{\"value\":\"P\"},"
                + "\"trancheId\":{\"value\":\"T\"},\"drawId\":{\"value\":\"D1\"},"
                + "\"amount\":{\"amount\":10.00,\"currency\":{\"code\":\"USD\"}},"
                + "\"lenderShares\":[{\"lenderId\":{\"value\":\"L1\"},\"amount\":{\"amount\":10.00,"
                + "\"currency\":{\"code\":\"USD\"}}}],\"effectiveDate\":\"2025-03-03\"}");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(drawn);
    }

    /**
     * Existing stores name each payload by its class and hold its record's fields: an event type keeps both whatever
     * interfaces it gains (such as its sealed area).
     */
    @Test
    void everyEventTypeIsStoredUnderItsClassNameAndRevisionWithItsRecordFieldsAlone() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Class<?> type : EventTypes.all()) {
            Object sample = EventSamples.of(type);

            SerializedObject<byte[]> stored = serializer.serialize(sample, byte[].class);

            assertThat(stored.getType().getName()).isEqualTo(type.getName());
            assertThat(stored.getType().getRevision()).as(type.getName()).isEqualTo("1");
            List<String> fields = new ArrayList<>();
            json.readTree(stored.getData()).fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(type.getName()).containsExactlyElementsOf(
                    Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
            assertThat((Object) serializer.deserialize(stored)).as(type.getName()).isEqualTo(sample);
        }
    }
}
