package com.capitalledger.api.openapi;

import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.idempotency.ReadOnlyPost;
import com.capitalledger.api.idempotency.ReadOnlyPosts;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.rates.api.BaseRateName;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the document says by path: the Idempotency-Key of every POST that stores its answer (all but those marked
 * {@link ReadOnlyPost}, such as the what-ifs), with the statuses and the Idempotency-Replayed header that come with
 * it, and the Ledger-Position of a recorded refusal where the success carries one; and the exact values each path
 * variable accepts.
 */
final class PathContract implements OpenApiCustomizer {

    /** Statuses the idempotency filter itself answers on a POST that takes a key. */
    private static final Set<Integer> KEYED_POST = Set.of(400, 409, 413, 422);
    /** A stored answer is replayed: a success, and the ledger's refusals, which are events with a position too. */
    private static final Set<String> REPLAYABLE = Set.of("404", "422");
    /**
     * Refusals whose journal entry is recorded: those replayed, and those recorded after the request's transaction
     * (a role that may not send the command, a lost race, a stale If-Match), whose position they carry too.
     */
    private static final Set<String> RECORDED = Set.of("403", "404", "409", "412", "422");

    private static final Map<String, Supplier<Schema<?>>> PATH_VARIABLES = Map.ofEntries(
            Map.entry("programId", PathContract::id), Map.entry("investorId", PathContract::id),
            Map.entry("trancheId", PathContract::id), Map.entry("callId", PathContract::id),
            Map.entry("eventOfDefaultId", PathContract::id),
            Map.entry("rateName", () -> new StringSchema()._enum(BaseRateName.KNOWN.stream().sorted().toList())),
            Map.entry("scenarioId", UUIDSchema::new), Map.entry("verificationId", UUIDSchema::new),
            Map.entry("subscriptionId", UUIDSchema::new),
            Map.entry("seq", () -> new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)),
            Map.entry("effectiveDate", DateSchema::new), Map.entry("paymentDate", DateSchema::new));

    private final ReadOnlyPosts readOnly;

    PathContract(ReadOnlyPosts readOnly) {
        this.readOnly = readOnly;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getPaths().forEach((path, item) -> {
            item.readOperations().forEach(operation -> shapePathVariables(path, operation));
            Operation post = item.getPost();
            if (post == null) {
                return;
            }
            ApiResponses responses = post.getResponses();
            if (readOnly.matches(path)) {
                responses.computeIfAbsent("413", status -> ProblemResponses.of(413));
                return;
            }
            post.addParametersItem(ApiHeaders.idempotencyKey());
            KEYED_POST.forEach(status -> responses.computeIfAbsent(Integer.toString(status),
                    key -> ProblemResponses.of(status)));
            boolean positioned = responses.entrySet().stream().anyMatch(answer -> answer.getKey().startsWith("2")
                    && answer.getValue().getHeaders() != null
                    && answer.getValue().getHeaders().containsKey(ApiHeaders.LEDGER_POSITION));
            responses.forEach((status, response) -> {
                if (status.startsWith("2") || REPLAYABLE.contains(status)) {
                    response.addHeaderObject(ApiHeaders.IDEMPOTENCY_REPLAYED,
                            ApiHeaders.ref(ApiHeaders.IDEMPOTENCY_REPLAYED));
                }
                if (positioned && RECORDED.contains(status)) {
                    response.addHeaderObject(ApiHeaders.LEDGER_POSITION, ApiHeaders.ref(ApiHeaders.LEDGER_POSITION));
                }
            });
        });
    }

    private static void shapePathVariables(String path, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        for (Parameter parameter : parameters) {
            if (!"path".equals(parameter.getIn())) {
                continue;
            }
            Supplier<Schema<?>> shape = PATH_VARIABLES.get(parameter.getName());
            if (shape != null) {
                parameter.schema(shape.get());
            } else if (parameter.getName().equals("name") && path.startsWith("/api/v1/admin/read-models/")) {
                List<String> names = new ArrayList<>(ReadModel.IDS);
                if (path.endsWith("/rebuild")) {
                    names.add("all");
                }
                parameter.schema(new StringSchema()._enum(names));
            } else {
                throw new IllegalStateException("path variable " + parameter.getName() + " of " + path
                        + " has no declared shape");
            }
        }
    }

    private static Schema<?> id() {
        return new StringSchema().pattern(Shapes.ID).maxLength(64);
    }
}
