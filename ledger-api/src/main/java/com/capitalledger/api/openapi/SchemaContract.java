package com.capitalledger.api.openapi;

import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.rates.api.BaseRateName;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.AnnotationsUtils;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the schemas say what the wire does. The service's JSON writes every property of an answer, null or not, so
 * every property of a response schema is {@code required}, and {@code nullable} where the service can write null
 * (listed here; the contract test checks answers against it). In a request schema, an optional property may be sent
 * as null. Seniorities and base-rate names are enums of the ledger's own values; decimals held as text have the
 * pattern of every other decimal; a what-if's command is one of the command bodies ({@link WhatIfCommandSchemas}).
 */
final class SchemaContract implements OpenApiCustomizer {

    /** Response properties the service can write as null, by schema. */
    private static final Map<String, Set<String>> NULLABLE = Map.ofEntries(
            // seq: a line whose event the journal has not taken yet (or refused).
            Map.entry("AuditEntry", Set.of("position", "code", "detail", "programId", "investorId", "counterpartyId",
                    "trancheId", "callId", "phaseId", "referenceId", "amount", "effectiveDate", "actor", "client",
                    "reason", "correlationId", "causationId", "idempotencyKey", "seq")),
            Map.entry("AuditPage", Set.of("nextCursor")),
            // Before the base rate's first fixing on or before asOf, the tranche has no base or all-in rate.
            Map.entry("TranchePosition", Set.of("baseRatePct", "allInRatePct")),
            // Section 10: no terms before they are set; no waterfall before its payment date; no DSCR when its
            // denominator is 0; an installment's amount unknown until the schedule's base is fixed.
            Map.entry("CashFlowsView", Set.of("terms")),
            Map.entry("CashFlowPeriod", Set.of("waterfall")),
            Map.entry("WaterfallView", Set.of("dscr")),
            Map.entry("ScheduledInstallment", Set.of("amount")),
            Map.entry("ReadModelStatus", Set.of("rebuildNode", "eventsDone", "eventsPerSecond", "etaSeconds",
                    "rebuildStartedAt", "rebuildFinishedAt")),
            // A segment no node has claimed.
            Map.entry("SegmentStatus", Set.of("node")),
            Map.entry("Difference", Set.of("expected", "actual")),
            Map.entry("ChangeOutcome", Set.of("code", "message")),
            // A figure present on one side only; delta only for numbers present on both.
            Map.entry("FigureDifference", Set.of("base", "scenario", "delta")),
            Map.entry("ProgramEvents", Set.of("nextPosition")),
            // Known once the verification is done (and null while it runs, or if it failed).
            Map.entry("VerificationView", Set.of("rootHash", "ok", "mismatches", "firstMismatch", "heldTo",
                    "finishedAt")),
            // Multiples and the IRR when nothing was contributed; the IRR without a root (section 10).
            Map.entry("InvestorReturns", Set.of("dpi", "rvpi", "tvpi", "irrPct")),
            Map.entry("ProgramReturns", Set.of("dpi", "rvpi", "tvpi", "irrPct")),
            // seq: an event outside the journal; globalIndex, eventId, programId: a subtree or the digest.
            Map.entry("Mismatch", Set.of("seq", "globalIndex", "eventId", "programId")),
            Map.entry("SubscriptionView", Set.of("programId", "deliveredThroughSeq", "lastError", "lastAttemptAt",
                    "nextAttemptAt", "pausedReason", "previousSecretValidUntil")),
            Map.entry("CreatedSubscription", Set.of("programId")),
            Map.entry("Deliveries", Set.of("nextCursor")),
            Map.entry("Attempt", Set.of("statusCode", "error")));

    /** Response properties the service leaves out rather than writing null, by schema: not required. */
    private static final Map<String, Set<String>> OMITTED_WHEN_NULL = Map.of(
            // Only an INVESTOR is bound to an investor.
            "CurrentUser", Set.of("investorId"));

    /** Properties held as text that carry a decimal, by schema. */
    private static final Map<String, Set<String>> DECIMAL_TEXT = Map.of(
            "ProgramView", Set.of("targetAmount", "maxDebtPct"),
            "TranchePosition", Set.of("baseRatePct", "marginPct", "allInRatePct", "commitmentFeePct"),
            "MarginChange", Set.of("marginPct"),
            "FigureDifference", Set.of("delta"));

    private static final List<String> SENIORITIES = Arrays.stream(Seniority.values()).map(Enum::name).toList();
    private static final List<String> BASE_RATES = BaseRateName.KNOWN.stream().sorted().toList();

    /** Properties that take one of the ledger's fixed values, by schema. */
    private static final Map<String, Map<String, List<String>>> ENUMS = Map.of(
            "CreateTrancheRequest", Map.of("seniority", SENIORITIES, "baseRate", BASE_RATES),
            "TranchePosition", Map.of("seniority", SENIORITIES, "baseRate", BASE_RATES),
            "ChangeRequest", Map.of("baseRate", BASE_RATES));

    private final RequestMappingHandlerMapping mappings;

    SchemaContract(RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        WhatIfCommandSchemas.addTo(schemas);
        Set<String> requests = reachable(schemas, bodies(api, true));
        Set<String> responses = reachable(schemas, bodies(api, false));
        Map<String, Class<?>> records = RequestBodies.of(mappings);
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null || ProblemResponses.schemas().containsKey(name)) {
                return;
            }
            if (requests.contains(name)) {
                fromAnnotations(schema, records.get(name));
                optionalMayBeNull(schema);
            } else if (responses.contains(name)) {
                List<String> required = new ArrayList<>(schema.getProperties().keySet());
                required.removeAll(OMITTED_WHEN_NULL.getOrDefault(name, Set.of()));
                schema.setRequired(required);
                NULLABLE.getOrDefault(name, Set.of()).forEach(property -> nullable(schema, name, property));
            }
        });
        DECIMAL_TEXT.forEach((name, properties) -> properties.forEach(property ->
                replace(schemas, name, property, copy -> copy.pattern(Shapes.DECIMAL))));
        ENUMS.forEach((name, properties) -> properties.forEach((property, values) ->
                replace(schemas, name, property, copy -> copy._enum(new ArrayList<>(values)))));
    }

    private static void optionalMayBeNull(Schema<?> schema) {
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        new ArrayList<>(schema.getProperties().keySet()).stream().filter(property -> !required.contains(property))
                .forEach(property -> schema.getProperties().put(property, nullableCopy(schema.getProperties()
                        .get(property))));
    }

    /**
     * What the generated request schema loses of the record's annotations: an example exactly as written (swagger-core
     * reads "40000000000.00" as a number and would publish 4.0E10), the description and example of an object, which
     * OpenAPI 3.0 ignores beside a reference (so the reference goes into an allOf), and {@code @NotBlank} and
     * {@code @NotEmpty} (the lengths {@code @Size} writes start at 0, and a blank text is refused).
     */
    private static void fromAnnotations(Schema<?> schema, Class<?> record) {
        if (record == null) {
            throw new IllegalStateException("no request record for schema " + schema.getName());
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Schema<?> value = schema.getProperties().get(component.getName());
            if (value == null) {
                continue;
            }
            Method accessor = component.getAccessor();
            io.swagger.v3.oas.annotations.media.Schema documented =
                    accessor.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            Schema<?> copy = value.get$ref() != null && documented != null
                    ? new ComposedSchema().addAllOfItem(new Schema<>().$ref(value.get$ref()))
                    : AnnotationsUtils.clone(value, false);
            if (documented != null) {
                if (copy.getDescription() == null && !documented.description().isEmpty()) {
                    copy.setDescription(documented.description());
                }
                if (!documented.example().isEmpty()) {
                    String example = documented.example();
                    copy.setExample("string".equals(copy.getType()) ? example : json(example));
                }
            }
            if (accessor.isAnnotationPresent(NotBlank.class)) {
                copy.minLength(1);
                if (copy.getPattern() == null) {
                    copy.pattern(Shapes.NOT_BLANK);
                }
            } else if (accessor.isAnnotationPresent(NotEmpty.class)) {
                if ("array".equals(copy.getType())) {
                    copy.minItems(1);
                } else {
                    copy.minLength(1);
                }
            }
            schema.getProperties().put(component.getName(), copy);
        }
    }

    private static Object json(String example) {
        try {
            return Json.mapper().readTree(example);
        } catch (JsonProcessingException notJson) {
            return example;
        }
    }

    private static void nullable(Schema<?> schema, String name, String property) {
        Schema<?> value = property(schema, name, property);
        schema.getProperties().put(property, nullableCopy(value));
    }

    /**
     * A nullable copy: property schemas may be shared (every decimal is one schema), and a reference ignores a
     * sibling {@code nullable}, so one is wrapped in {@code allOf}.
     */
    private static Schema<?> nullableCopy(Schema<?> value) {
        if (value instanceof ComposedSchema wrapper && wrapper.getAllOf() != null) {
            return wrapper.nullable(true);
        }
        if (value.get$ref() != null) {
            ComposedSchema wrapped = new ComposedSchema();
            wrapped.addAllOfItem(new Schema<>().$ref(value.get$ref())).nullable(true)
                    .description(value.getDescription());
            if (value.getExample() != null) {
                wrapped.example(value.getExample());
            }
            return wrapped;
        }
        return AnnotationsUtils.clone(value, false).nullable(true);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void replace(Map<String, Schema> schemas, String name, String property,
                                java.util.function.UnaryOperator<Schema> change) {
        Schema<?> schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalStateException("the OpenAPI document has no schema " + name);
        }
        schema.getProperties().put(property, change.apply(AnnotationsUtils.clone(property(schema, name, property),
                false)));
    }

    private static Schema<?> property(Schema<?> schema, String name, String property) {
        Schema<?> value = schema.getProperties().get(property);
        if (value == null) {
            throw new IllegalStateException("schema " + name + " has no property " + property);
        }
        return value;
    }

    /** The schemas the operations' request bodies (or their answers) name directly. */
    private static List<Schema<?>> bodies(OpenAPI api, boolean requests) {
        List<Schema<?>> roots = new ArrayList<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach((Operation operation) -> {
            if (requests && operation.getRequestBody() != null) {
                add(roots, operation.getRequestBody().getContent());
            }
            if (!requests) {
                operation.getResponses().values().forEach(response -> add(roots, response.getContent()));
            }
        }));
        return roots;
    }

    private static void add(List<Schema<?>> roots, Content content) {
        if (content != null) {
            content.values().forEach(media -> {
                if (media.getSchema() != null) {
                    roots.add(media.getSchema());
                }
            });
        }
    }

    /** The names of every component schema the roots lead to, through properties, items and compositions. */
    @SuppressWarnings("rawtypes")
    private static Set<String> reachable(Map<String, Schema> schemas, List<Schema<?>> roots) {
        Set<String> found = new HashSet<>();
        Deque<Schema<?>> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                if (found.add(name) && schemas.containsKey(name)) {
                    pending.push(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(pending::push);
            }
            if (schema.getItems() != null) {
                pending.push(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                pending.push(values);
            }
            if (schema instanceof ComposedSchema composed) {
                for (List<Schema> parts : Arrays.asList(composed.getAllOf(), composed.getAnyOf(),
                        composed.getOneOf())) {
                    if (parts != null) {
                        parts.forEach(pending::push);
                    }
                }
            }
        }
        return found;
    }
}
