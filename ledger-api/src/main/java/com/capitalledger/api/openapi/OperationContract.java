package com.capitalledger.api.openapi;

import com.capitalledger.api.command.CommandAccepted;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.api.web.ReadsReadModels;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Declares what each operation answers beyond its body: the statuses its handler can answer ({@link ProblemStatuses}) and
 * those every operation or every command can, each error as problem+json; the X-Correlation-Id every request may send
 * and every response carries; a command's If-Match, ETag and Ledger-Position; a read-model query's minPosition and
 * Ledger-Min-Position; the Location of every 201.
 */
final class OperationContract implements OperationCustomizer {

    /**
     * Authentication, roles, sign-in throttled after failed attempts, an Accept that admits none of the answers, an
     * unexpected failure, and a service that cannot answer for now.
     */
    private static final Set<Integer> EVERY_OPERATION = Set.of(401, 403, 406, 429, 500, 503);
    /** A command's retries that run out, and a conditional command whose version moved on. */
    private static final Set<Integer> EVERY_COMMAND = Set.of(409, 412);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean command = isCommand(handler);
        // Two handlers of one operation (JSON and CSV answers) are customised one after the other.
        addOnce(operation, ApiHeaders.correlationId());
        if (command) {
            addOnce(operation, ApiHeaders.ifMatch());
        }
        if (handler.hasMethodAnnotation(ReadsReadModels.class)) {
            addOnce(operation, ApiHeaders.minPosition());
            addOnce(operation, ApiHeaders.minPositionHeader());
        }
        ApiResponses responses = operation.getResponses();
        for (Map.Entry<String, ApiResponse> answer : responses.entrySet()) {
            if (answer.getKey().startsWith("2")) {
                ApiResponse success = answer.getValue();
                success.addHeaderObject(ApiHeaders.CORRELATION_ID, ApiHeaders.ref(ApiHeaders.CORRELATION_ID));
                if (answer.getKey().equals("201")) {
                    success.addHeaderObject(ApiHeaders.LOCATION, ApiHeaders.ref(ApiHeaders.LOCATION));
                }
                if (command) {
                    success.description("The command was recorded: the aggregate it changed and the version it "
                            + "produced, also in ETag");
                    success.addHeaderObject(ApiHeaders.ETAG, ApiHeaders.ref(ApiHeaders.ETAG));
                    success.addHeaderObject(ApiHeaders.LEDGER_POSITION, ApiHeaders.ref(ApiHeaders.LEDGER_POSITION));
                }
            }
        }
        Set<Integer> errors = new TreeSet<>(EVERY_OPERATION);
        if (command) {
            errors.addAll(EVERY_COMMAND);
        }
        ProblemStatuses problems = handler.getMethodAnnotation(ProblemStatuses.class);
        if (problems != null) {
            for (int status : problems.value()) {
                errors.add(status);
            }
        }
        errors.forEach(status -> responses.addApiResponse(Integer.toString(status), ProblemResponses.of(status)));
        return operation;
    }

    private static void addOnce(Operation operation, Parameter header) {
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(parameter -> parameter.getName().equals(header.getName()))) {
            operation.addParametersItem(header);
        }
    }

    /** A command answers {@link CommandAccepted}: it went through the command path, with its If-Match and retries. */
    static boolean isCommand(HandlerMethod handler) {
        ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
        if (answer.toClass() == ResponseEntity.class) {
            answer = answer.getGeneric(0);
        }
        return answer.toClass() == CommandAccepted.class;
    }
}
