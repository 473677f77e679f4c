package com.capitalledger.api.openapi;

import com.capitalledger.api.idempotency.ReadOnlyPosts;
import com.capitalledger.api.web.Shapes;
import com.capitalledger.core.shared.LedgerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.math.BigDecimal;

/**
 * The OpenAPI 3 description served at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}), written to be
 * exactly what the wire does: a client generated from it runs the ledger's flows without a workaround, and the build
 * proves it (see {@code ledger-api/openapi/ledger-v1.json}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";

    static {
        // Every decimal is written as an exact string (JsonConfiguration), in answers as in requests. No "decimal"
        // format: code generators read it as a number, and their clients would send and add numbers.
        SpringDocUtils.getConfig()
                .replaceWithSchema(BigDecimal.class, new StringSchema().pattern(Shapes.DECIMAL))
                .replaceWithSchema(LedgerEvent.class, new ObjectSchema().description("The event as recorded; its "
                        + "fields depend on its type"))
                .replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    @Bean
    OpenAPI ledgerApi() {
        Components components = new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT"));
        ProblemResponses.schemas().forEach(components::addSchemas);
        ApiHeaders.components().forEach(components::addHeaders);
        return new OpenAPI()
                .info(new Info().title("Capital-commitment ledger").version("v1").description(DESCRIPTION))
                .addServersItem(new Server().url("/").description("The service this document is served by"))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer operationContract() {
        return new OperationContract();
    }

    @Bean
    OpenApiCustomizer pathContract(ReadOnlyPosts readOnly) {
        return new PathContract(readOnly);
    }

    @Bean
    OpenApiCustomizer schemaContract(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        return new SchemaContract(mappings);
    }

    private static final String DESCRIPTION = """
            Commands (POST, 201 with the program's version as ETag and the changed resource as Location) record \
            commitments, capital calls, draws, repayments, repricings, base-rate fixings, operating terms, repayment \
            schedules, operating cash flows, waterfalls and waivers of events of default; queries read positions \
            as of an effective date (asOf) and as known at an instant (knownAt), and the audit trail. Amounts and \
            rates are decimal strings, in requests and answers: amounts with exactly two decimals, rates in percent \
            per year. Every POST that records something needs an Idempotency-Key (a retry with the same key and body \
            gets the first answer with Idempotency-Replayed: true); a command may carry If-Match with the version it \
            was decided on. Every request may carry X-Correlation-Id, echoed in every answer.

            Errors are RFC 9457 problem+json with a stable code and the correlation id. An unknown program answers \
            404 NO_PROGRAM (likewise UNKNOWN_INVESTOR, UNKNOWN_TRANCHE, UNKNOWN_CALL on reads). A refused command \
            answers 422 with one of PROGRAM_EXISTS, UNKNOWN_PHASE, DUPLICATE_ID, UNKNOWN_INVESTOR, UNKNOWN_TRANCHE, \
            UNKNOWN_CALL, CURRENCY_MISMATCH, INVALID_AMOUNT, INVALID_RATE, PROGRAM_TARGET_EXCEEDED, \
            INSUFFICIENT_UNFUNDED, SAME_INVESTOR, INVESTOR_IN_DEFAULT, NOTHING_TO_CANCEL, NOT_ALLOCATED, \
            ALREADY_DEFAULTED, NOT_DEFAULTED, LENDER_SUM_MISMATCH, UNKNOWN_BASE_RATE, NO_BASE_RATE, \
            AVAILABILITY_ENDED, COMMITMENT_EXCEEDED, PHASE_BUDGET_EXCEEDED, GEARING_COVENANT_BREACH, \
            REPAYMENT_EXCEEDS_OUTSTANDING, BACKDATED_COMMAND, NO_OPERATING_TERMS, INVALID_PERIOD, TERMS_LOCKED, \
            INVALID_SCHEDULE, SCHEDULE_LOCKED, PERIOD_CLOSED, NO_CASH_FLOW, PERIOD_OUT_OF_ORDER, \
            WATERFALL_ALREADY_RUN, UNKNOWN_EVENT_OF_DEFAULT, ALREADY_WAIVED, EVENT_OF_DEFAULT. Malformed input answers 400 (VALIDATION_FAILED, \
            MALFORMED_REQUEST, INVALID_PARAMETER, IDEMPOTENCY_KEY_REQUIRED); a key reused for another request 422 \
            IDEMPOTENCY_KEY_REUSED; If-Match naming another version 412 VERSION_MISMATCH; a conflict that survives \
            retries 409 CONCURRENT_MODIFICATION; a body over 1 MiB 413 PAYLOAD_TOO_LARGE; a read model being rebuilt \
            503 READ_MODEL_REBUILDING with Retry-After. Every command refused to an authenticated caller is an entry \
            of the journal and a line of the audit trail with the code it answered: a rule of the ledger's (the 422 \
            codes above, and 404 for an unknown program), 403 FORBIDDEN, 409 CONCURRENT_MODIFICATION, 412 \
            VERSION_MISMATCH and 422 IDEMPOTENCY_KEY_REUSED; its answer carries the Ledger-Position of that entry. Other refused requests \
            (400, 401, 413, 415, a refused read or operation) are counted and logged, not journaled.

            Authentication: HTTP Basic (configured users) or a bearer JWT (when an issuer is configured); missing or \
            wrong credentials answer 401 UNAUTHENTICATED, a role that may not call the operation 403 FORBIDDEN. After \
            too many failed sign-ins from an address (or as one user from it), its further attempts answer 429 \
            TOO_MANY_ATTEMPTS with Retry-After, their credentials unchecked; other addresses are not affected. \
            Roles: TREASURY posts business commands and reads positions; COMPLIANCE reads positions and the audit \
            trail and runs the consistency check; ANALYST reads positions and runs what-ifs; ADMIN operates the \
            service (read models, consistency check, metrics) and reads, but posts no business command; INVESTOR, \
            an outside party bound to one investor id (GET /api/v1/me names it), reads that investor's own \
            statements and notices and nothing else: another investor's answer 403 FORBIDDEN. The authenticated \
            principal is recorded as the actor of every event.

            The event feed, every journal entry as a CloudEvent over server-sent events or webhooks, is described by \
            the AsyncAPI 3.0 document at /asyncapi.yaml.""";
}
