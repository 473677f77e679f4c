package com.capitalledger.projections.cashflow;

import com.capitalledger.core.cashflow.api.CashFlowEvent;
import com.capitalledger.projections.fold.cashflow.CashFlowFact;
import com.capitalledger.projections.support.FactTable;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.capitalledger.projections.support.FactTable.date;
import static com.capitalledger.projections.support.FactTable.instant;
import static com.capitalledger.projections.support.FactTable.timestamp;

/**
 * The {@code cash_flow_fact} table: each cash-flow event whole, as JSON written the way the event store writes it
 * (plain decimals, so every amount reads back with its scale), with its kind, period, effective date and recording
 * instant.
 */
@Repository
public class CashFlowTable {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The kinds of the sealed family by their simple name, the {@code kind} column. */
    private static final Map<String, Class<?>> KINDS = Arrays.stream(CashFlowEvent.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private final FactTable<CashFlowFact> table;

    public CashFlowTable(JdbcTemplate jdbc) {
        table = new FactTable<>(jdbc, "cash_flow_fact",
                List.of("global_index", "program_id", "kind", "period_end", "event_json", "effective_date",
                        "recorded_at"),
                "global_index",
                f -> new Object[]{f.globalIndex(), f.programId(), f.kind(), f.periodEnd(), write(f.event()),
                        f.effectiveDate(), timestamp(f.recordedAt())},
                (rs, i) -> new CashFlowFact(rs.getLong("global_index"), rs.getString("program_id"),
                        read(rs.getString("kind"), rs.getString("event_json")), date(rs, "period_end"),
                        date(rs, "effective_date"), instant(rs, "recorded_at")));
    }

    public FactTable<CashFlowFact> facts() {
        return table;
    }

    private static String write(CashFlowEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static CashFlowEvent read(String kind, String payload) {
        Class<?> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalStateException("cash_flow_fact holds an unknown kind " + kind);
        }
        try {
            return (CashFlowEvent) JSON.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a " + kind + " from cash_flow_fact", e);
        }
    }
}
