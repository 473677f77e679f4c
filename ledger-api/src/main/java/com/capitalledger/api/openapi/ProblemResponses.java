package com.capitalledger.api.openapi;

import com.capitalledger.api.web.CorrelationId;
import com.capitalledger.api.web.ProblemCode;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.List;
import java.util.Map;

/**
 * The error answers as the OpenAPI document declares them: RFC 9457 {@code application/problem+json} with the
 * ledger's stable {@code code}, the request's {@code correlationId} and, for validation, the offending fields.
 */
final class ProblemResponses {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String MEDIA_TYPE = "application/problem+json";

    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(400, "The request is malformed: VALIDATION_FAILED (with errors), MALFORMED_REQUEST, "
                    + "INVALID_PARAMETER (with errors) or IDEMPOTENCY_KEY_REQUIRED"),
            Map.entry(401, "UNAUTHENTICATED: no credentials, or credentials not accepted"),
            Map.entry(403, "FORBIDDEN: the caller's roles may not call this operation"),
            Map.entry(404, "Not found: the code names what (NO_PROGRAM, UNKNOWN_INVESTOR, UNKNOWN_TRANCHE, "
                    + "UNKNOWN_CALL, UNKNOWN_BASE_RATE, UNKNOWN_FIXING, UNKNOWN_SCENARIO, UNKNOWN_READ_MODEL, "
                    + "UNKNOWN_VERIFICATION)"),
            Map.entry(406, "NOT_ACCEPTABLE: Accept admits none of this operation's answers; nothing was recorded. "
                    + "An error is answered as problem+json, with its own status, whenever Accept admits "
                    + "application/problem+json"),
            Map.entry(409, "Conflict: CONCURRENT_MODIFICATION (retry), SCENARIO_EXISTS or REBUILD_IN_PROGRESS"),
            Map.entry(412, "VERSION_MISMATCH: If-Match names another version than the current one"),
            Map.entry(413, "PAYLOAD_TOO_LARGE: the body exceeds 1 MiB"),
            Map.entry(422, "Refused: a business rejection code (see the operation), IDEMPOTENCY_KEY_REUSED or "
                    + "INVALID_CHANGE; nothing was recorded but the refusal in the audit trail"),
            Map.entry(429, "TOO_MANY_ATTEMPTS: too many failed sign-ins from the caller's address, or as its user "
                    + "from that address; the credentials were not checked: retry after Retry-After seconds"),
            Map.entry(500, "INTERNAL_ERROR: nothing was recorded; quote the correlation id to support"),
            Map.entry(503, "Unavailable for now, retry after Retry-After seconds: READ_MODEL_REBUILDING, "
                    + "AUTHENTICATION_UNAVAILABLE (the JWT issuer's keys cannot be fetched), PROGRAM_BUSY (commands "
                    + "on the program queued too long in this node; nothing was recorded), or FEED_FULL (the node "
                    + "streams as many event feeds as it may)"));

    private ProblemResponses() {
    }

    /** A new response for {@code status}, so that headers added to one operation's answer stay with it. */
    static ApiResponse of(int status) {
        String description = DESCRIPTIONS.get(status);
        if (description == null) {
            throw new IllegalArgumentException("no problem response is described for status " + status);
        }
        ApiResponse response = new ApiResponse().description(description)
                .content(new Content().addMediaType(MEDIA_TYPE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))
                .addHeaderObject(ApiHeaders.CORRELATION_ID, ApiHeaders.ref(ApiHeaders.CORRELATION_ID));
        if (status == 401) {
            response.addHeaderObject(ApiHeaders.WWW_AUTHENTICATE, ApiHeaders.ref(ApiHeaders.WWW_AUTHENTICATE));
        }
        if (status == 503 || status == 429) {
            response.addHeaderObject(ApiHeaders.RETRY_AFTER, ApiHeaders.ref(ApiHeaders.RETRY_AFTER));
        }
        return response;
    }

    /** {@code Problem} and {@code FieldError}, for {@code components/schemas}. */
    static Map<String, Schema> schemas() {
        Schema<?> fieldError = new ObjectSchema()
                .description("One offending field (a body field by its path, such as lenders[1].commitment) or "
                        + "parameter")
                .addProperty("field", new StringSchema().description("The field's path or the parameter's name")
                        .example("amount"))
                .addProperty("message", new StringSchema().description("What is wrong with it")
                        .example("must be a decimal string with exactly 2 decimals, such as 1000000.00"))
                .required(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details with the ledger's stable code")
                .addProperty("type", new StringSchema().format("uri").description("The problem type, one per code")
                        .example("https://capital-ledger.example/problems/commitment-exceeded"))
                .addProperty("title", new StringSchema().description("The status's reason phrase")
                        .example("Unprocessable Entity"))
                .addProperty("status", new IntegerSchema().description("The HTTP status").example(422))
                .addProperty("detail", new StringSchema().description("What happened, naming the thing and the "
                        + "value").example("draw 5,000,000.00 USD on SENIOR-A would bring drawn to 40,000,000,000.01 "
                        + "USD, commitment 40,000,000,000.00 USD"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path")
                        .example("/api/v1/programs/STARGATE/tranches/SENIOR-A/draws"))
                .addProperty("code", new StringSchema()._enum(ProblemCode.all()).description("The stable code: "
                        + "what a client branches on; a later version may add codes").example("COMMITMENT_EXCEEDED"))
                .addProperty("correlationId", new StringSchema().pattern(CorrelationId.SHAPE)
                        .description("The request's correlation id, also in X-Correlation-Id")
                        .example("2f1c7a4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/"
                        + FIELD_ERROR)).description("The offending fields or parameters: on 400 VALIDATION_FAILED "
                        + "and INVALID_PARAMETER (but not a missing Idempotency-Key), and 422 INVALID_CHANGE"))
                .required(List.of("type", "title", "status", "code", "correlationId"));
        return Map.of(PROBLEM, problem, FIELD_ERROR, fieldError);
    }
}
