package com.capitalledger.api.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Stargate demo program ({@code demo/stargate.json}): a $500B target, a $100B first phase, SoftBank and OpenAI at
 * $19B, Oracle $7B, MGX $5B, a senior and a mezzanine tranche, calls, draws, a repricing and a repayment (its
 * {@code steps}); then the first campus operating from 2027 (its {@code operations}): operating terms, a repayment
 * schedule on each tranche, ten quarters of cash flows and their waterfalls, one lock-up and its cure, then six
 * valuations of the equity (appended last, back-dated, so the earlier steps keep their keys). It is posted
 * over HTTP to the running service like any treasury system would, so it passes authentication, validation,
 * idempotency and the command path. Each step has a fixed idempotency key: loading twice records nothing new.
 */
@Component
public class StargateDemo {

    public static final String PROGRAM_ID = "STARGATE";
    private static final String SCENARIO = "demo/stargate.json";

    private final ObjectMapper json;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public StargateDemo(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Posts every step, in order, to the service at {@code base} (including any context path) with the given
     * {@code Authorization} header.
     *
     * @return how many steps were newly recorded (the others were replays of an earlier load)
     * @throws IllegalStateException naming the step and the service's problem when a step is refused
     */
    public int load(URI base, String authorization) {
        return load(base, authorization, steps());
    }

    /** Posts the first {@code count} steps only, as a load that stopped before its end would have. */
    int load(URI base, String authorization, int count) {
        List<JsonNode> steps = allSteps().subList(0, count);
        String root = base.toString().replaceAll("/+$", "");
        int recorded = 0;
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            HttpRequest request = HttpRequest.newBuilder(URI.create(root + step.get("path").asText()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .header("Idempotency-Key", key(i + 1))
                    .header("X-Correlation-Id", "stargate-demo")
                    .POST(HttpRequest.BodyPublishers.ofString(step.get("body").toString()))
                    .build();
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("demo step " + (i + 1) + " (POST " + step.get("path").asText()
                        + ") was answered " + response.statusCode() + ": " + response.body());
            }
            if (response.headers().firstValue("Idempotency-Replayed").isEmpty()) {
                recorded++;
            }
        }
        return recorded;
    }

    /** The idempotency key of a step, counted from 1. */
    public static String key(int step) {
        return "stargate-demo-step-" + step;
    }

    public int steps() {
        return allSteps().size();
    }

    /** The financing, then the operations. */
    private List<JsonNode> allSteps() {
        JsonNode scenario = scenario();
        List<JsonNode> steps = new ArrayList<>();
        scenario.get("steps").forEach(steps::add);
        scenario.get("operations").forEach(steps::add);
        return steps;
    }

    private JsonNode scenario() {
        try (InputStream in = new ClassPathResource(SCENARIO).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCENARIO, e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the service did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
