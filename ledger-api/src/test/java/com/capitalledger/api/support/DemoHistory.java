package com.capitalledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Stargate demo's steps as a history to post again, under another program id, on another base rate, with steps
 * left out or fixings shifted: the "fresh ledger" a what-if is checked against.
 */
public final class DemoHistory {

    /** One POST of the demo: its path and body. */
    public record Step(String path, ObjectNode body) {
        public boolean isFixing() {
            return path.startsWith("/api/v1/base-rates/");
        }
    }

    private final List<Step> steps;

    private DemoHistory(List<Step> steps) {
        this.steps = steps;
    }

    /** The demo as it is, its financing then its operations: program STARGATE on SOFR. */
    public static DemoHistory stargate() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = DemoHistory.class.getResourceAsStream("/demo/stargate.json")) {
            JsonNode scenario = json.readTree(in);
            List<Step> steps = new ArrayList<>();
            for (JsonNode step : List.of(scenario.get("steps"), scenario.get("operations"))) {
                step.forEach(each -> steps.add(new Step(each.get("path").asText(), (ObjectNode) each.get("body"))));
            }
            return new DemoHistory(steps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same history for another program, its tranches and fixings on another base rate. */
    public DemoHistory as(String programId, String baseRate) {
        List<Step> renamed = new ArrayList<>();
        for (Step step : steps) {
            ObjectNode body = step.body().deepCopy();
            if (body.has("programId")) {
                body.put("programId", programId);
            }
            if (body.has("baseRate")) {
                body.put("baseRate", baseRate);
            }
            renamed.add(new Step(step.path().replace("/programs/STARGATE", "/programs/" + programId)
                    .replace("/base-rates/SOFR/", "/base-rates/" + baseRate + "/"), body));
        }
        return new DemoHistory(renamed);
    }

    /** Without the steps the predicate picks; at least one must be picked. */
    public DemoHistory without(Predicate<Step> left) {
        List<Step> kept = steps.stream().filter(left.negate()).toList();
        assertThat(kept).as("a step was left out").hasSizeLessThan(steps.size());
        return new DemoHistory(kept);
    }

    /**
     * Every fixing dated on or after {@code from} raised by {@code bps}, and one fixing added on {@code from} at the
     * rate then in force plus the shift: what a what-if's shiftRate stands for.
     */
    public DemoHistory withFixingsShifted(LocalDate from, int bps) {
        BigDecimal shift = BigDecimal.valueOf(bps, 2);
        List<Step> shifted = new ArrayList<>();
        Step inForce = null;
        for (Step step : steps) {
            if (step.isFixing() && !LocalDate.parse(step.body().get("effectiveDate").asText()).isAfter(from)) {
                inForce = step;
            }
            if (step.isFixing() && !LocalDate.parse(step.body().get("effectiveDate").asText()).isBefore(from)) {
                ObjectNode body = step.body().deepCopy();
                body.put("ratePct", new BigDecimal(body.get("ratePct").asText()).add(shift).toPlainString());
                shifted.add(new Step(step.path(), body));
            } else {
                shifted.add(step);
            }
        }
        assertThat(inForce).as("a fixing in force on " + from).isNotNull();
        ObjectNode added = inForce.body().deepCopy();
        added.put("ratePct", new BigDecimal(added.get("ratePct").asText()).add(shift).toPlainString());
        added.put("effectiveDate", from.toString());
        shifted.add(new Step(inForce.path(), added));
        return new DemoHistory(shifted);
    }

    /** Posts every step as the client; each must be recorded. */
    public void post(HttpClientSupport client) {
        for (Step step : steps) {
            HttpResponse<String> response = client.postJson(step.path(), step.body().toString());
            assertThat(response.statusCode()).as(step.path() + " " + response.body()).isEqualTo(201);
        }
    }
}
