package com.capitalledger.api.openapi;

import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.command.CommandSender;
import com.capitalledger.api.consistency.TransactionOffset;
import com.capitalledger.api.idempotency.IdempotencyFilter;
import com.capitalledger.api.web.CorrelationId;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTTP headers the API reads and writes, as the OpenAPI document declares them. */
final class ApiHeaders {

    static final String CORRELATION_ID = CorrelationId.HEADER;
    static final String IDEMPOTENCY_KEY = IdempotencyFilter.KEY_HEADER;
    static final String IDEMPOTENCY_REPLAYED = IdempotencyFilter.REPLAYED_HEADER;
    static final String ETAG = "ETag";
    static final String LOCATION = "Location";
    static final String IF_MATCH = "If-Match";
    static final String RETRY_AFTER = "Retry-After";
    static final String NEXT_CURSOR = "X-Next-Cursor";
    static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    static final String CONTENT_DISPOSITION = "Content-Disposition";
    static final String LEDGER_POSITION = TransactionOffset.HEADER;
    private static final String POSITION_USE = "a command's Ledger-Position: the query answers once every read model "
            + "it reads has applied that position (on whichever node serves it), or 503 READ_MODEL_BEHIND with "
            + "Retry-After after the consistency timeout (5 s by default); a position no event has yet answers 400 "
            + "INVALID_PARAMETER";

    private ApiHeaders() {
    }

    /** The response headers, for {@code components/headers}. */
    static Map<String, Header> components() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(CORRELATION_ID, new Header().required(true).description("The request's correlation id: the "
                + "caller's X-Correlation-Id when well formed, otherwise a new UUID; recorded with every event the "
                + "request causes").schema(new StringSchema().pattern(CorrelationId.SHAPE)));
        headers.put(ETAG, new Header().required(true).description("The version of the program (or base rate) the "
                + "command produced, a strong entity tag; send it back as If-Match to make a later command conditional")
                .schema(new StringSchema().pattern("^\"[0-9]{1,18}\"$")).example("\"7\""));
        headers.put(LOCATION, new Header().required(true).description("Where to read what the request created or "
                + "changed").schema(new StringSchema().format("uri-reference")));
        headers.put(IDEMPOTENCY_REPLAYED, new Header().required(false).description("true when this is the stored "
                + "answer to an earlier request with the same Idempotency-Key and body; absent on a first answer")
                .schema(new StringSchema()._enum(List.of("true"))));
        headers.put(RETRY_AFTER, new Header().required(true).description("Seconds to wait before retrying")
                .schema(new IntegerSchema().minimum(BigDecimal.ZERO)));
        headers.put(NEXT_CURSOR, new Header().required(false).description("The cursor of the next page, as the body's "
                + "nextCursor; absent on the last page").schema(new StringSchema()));
        headers.put(WWW_AUTHENTICATE, new Header().required(true).description("The challenges the service accepts: "
                + "Basic, and Bearer when a JWT issuer is configured").schema(new StringSchema()));
        headers.put(LEDGER_POSITION, new Header().required(false).description("The ledger position of the last "
                + "event the request stored (the event store's global index, one order for every node); send it as "
                + "minPosition= or Ledger-Min-Position on a query to read what this command wrote. A command's "
                + "refusal (422, and 404 for an unknown program) carries it too, its refusal being an event; absent "
                + "when the request stored no event").schema(new IntegerSchema().format("int64")
                .minimum(BigDecimal.ZERO)).example(1234));
        headers.put(CONTENT_DISPOSITION, new Header().required(true).description("attachment, with a file name")
                .schema(new StringSchema()).example("attachment; filename=\"audit-entries.csv\""));
        return headers;
    }

    /** A reference to one of {@link #components()}. */
    static Header ref(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    static Parameter correlationId() {
        return new HeaderParameter().name(CORRELATION_ID).required(false)
                .description("Correlation id to record with every event the request causes and to echo in the "
                        + "response; a value of another shape is replaced by a new UUID")
                .schema(new StringSchema().pattern(CorrelationId.SHAPE)).example("treasury-batch-2025-03-03");
    }

    static Parameter ifMatch() {
        return new HeaderParameter().name(IF_MATCH).required(false)
                .description("The version (ETag) the caller's decision was based on; when the program (or base "
                        + "rate) is at another version the command is refused with 412 VERSION_MISMATCH")
                .schema(new StringSchema().pattern(CommandSender.IF_MATCH_SHAPE)).example("\"7\"");
    }

    static Parameter minPosition() {
        return new QueryParameter().name(ReadModels.MIN_POSITION).required(false)
                .description("Read at this ledger position or later: " + POSITION_USE)
                .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)).example(1234);
    }

    static Parameter minPositionHeader() {
        return new HeaderParameter().name(ReadModels.MIN_POSITION_HEADER).required(false)
                .description("As minPosition (either may be sent; both must then agree): " + POSITION_USE)
                .schema(new StringSchema().pattern("^[0-9]{1,18}$")).example("1234");
    }

    static Parameter idempotencyKey() {
        return new HeaderParameter().name(IDEMPOTENCY_KEY).required(true)
                .description("Unique per logical request, 1-200 visible ASCII characters; a retry with the same key "
                        + "and body gets the first answer again with Idempotency-Replayed: true, the same key with "
                        + "another body 422 IDEMPOTENCY_KEY_REUSED. Bodies are compared as JSON values: another key "
                        + "order, other white space or an explicit null for an absent member is the same body")
                .schema(new StringSchema().pattern(IdempotencyFilter.KEY_SHAPE)).example("call-2025-02-01-1");
    }
}
