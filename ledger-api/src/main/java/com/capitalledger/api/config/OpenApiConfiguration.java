package com.capitalledger.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/** The OpenAPI 3 description served at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";

    @Bean
    OpenAPI ledgerApi() {
        return new OpenAPI().info(new Info()
                .title("Capital-commitment ledger")
                .version("v1")
                .description("""
                        Commands (POST, 201 with the program's version as ETag) record commitments, capital calls, \
                        draws, repayments, repricings and base-rate fixings; queries read positions as of an effective \
                        date (asOf) and as known at an instant (knownAt), and the audit trail. Amounts are strings \
                        with exactly two decimals; rates are percent per year. Errors are RFC 9457 problem+json with \
                        a stable code: a refused command answers 422 with one of PROGRAM_EXISTS, NO_PROGRAM, \
                        UNKNOWN_PHASE, DUPLICATE_ID, UNKNOWN_INVESTOR, UNKNOWN_TRANCHE, UNKNOWN_CALL, \
                        CURRENCY_MISMATCH, INVALID_AMOUNT, INVALID_RATE, PROGRAM_TARGET_EXCEEDED, \
                        INSUFFICIENT_UNFUNDED, SAME_INVESTOR, INVESTOR_IN_DEFAULT, NOTHING_TO_CANCEL, NOT_ALLOCATED, \
                        ALREADY_DEFAULTED, NOT_DEFAULTED, LENDER_SUM_MISMATCH, UNKNOWN_BASE_RATE, NO_BASE_RATE, \
                        AVAILABILITY_ENDED, COMMITMENT_EXCEEDED, PHASE_BUDGET_EXCEEDED, GEARING_COVENANT_BREACH, \
                        REPAYMENT_EXCEEDS_OUTSTANDING, BACKDATED_COMMAND; malformed input answers 400 \
                        (VALIDATION_FAILED, MALFORMED_REQUEST, INVALID_PARAMETER, IDEMPOTENCY_KEY_REQUIRED); a key \
                        reused for another request 422 IDEMPOTENCY_KEY_REUSED; a conflict that survives retries 409 \
                        CONCURRENT_MODIFICATION; a read model being rebuilt 503 READ_MODEL_REBUILDING.

                        Authentication: HTTP Basic (configured users) or a bearer JWT (when an issuer is configured);                         missing or wrong credentials answer 401 UNAUTHENTICATED, a role that may not call the                         endpoint 403 FORBIDDEN. Roles: TREASURY posts business commands and reads positions;                         COMPLIANCE reads positions and the audit trail and runs the consistency check; ANALYST reads                         positions; ADMIN operates the service (read models, consistency check, metrics) and reads,                         but posts no business command. The authenticated principal is recorded as the actor of                         every event."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Every POST documents the Idempotency-Key it requires. */
    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(true)
                        .description("Unique per logical request; a retry with the same key and body replays the "
                                + "first response with Idempotency-Replayed: true")
                        .schema(new StringSchema().maxLength(200)));
            }
            return operation;
        };
    }
}
