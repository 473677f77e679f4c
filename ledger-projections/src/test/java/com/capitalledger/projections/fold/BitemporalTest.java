package com.capitalledger.projections.fold;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.capitalledger.projections.fold.Values.day;
import static org.assertj.core.api.Assertions.assertThat;

class BitemporalTest {

    private static final Instant KNOWN_AT = Instant.parse("2025-06-30T12:00:00.123456Z");
    private final Bitemporal at = new Bitemporal(day("2025-06-30"), KNOWN_AT);

    @Test
    void aFactCountsWhenEffectiveByTheDateAndRecordedByTheInstant() {
        assertThat(at.includes(day("2025-06-30"), Instant.parse("2025-06-30T12:00:00.123Z"))).isTrue();
        assertThat(at.includes(day("2025-01-01"), Instant.parse("2025-01-01T00:00:00Z"))).isTrue();
        assertThat(at.includes(day("2025-07-01"), Instant.parse("2025-01-01T00:00:00Z"))).isFalse();
        assertThat(at.includes(day("2025-06-30"), Instant.parse("2025-06-30T12:00:00.124Z"))).isFalse();
    }

    @Test
    void bothInstantsAreKeptToTheMillisecondAsTheEventStoreKeepsThem() {
        assertThat(at.knownAt()).isEqualTo(Instant.parse("2025-06-30T12:00:00.123Z"));
        Recorded<String> recorded = new Recorded<>("event", 7, Instant.parse("2025-06-30T12:00:00.123999Z"));
        assertThat(recorded.recordedAt()).isEqualTo(Instant.parse("2025-06-30T12:00:00.123Z"));
        assertThat(at.includes(day("2025-06-30"), recorded.recordedAt())).isTrue();
    }
}
