package com.capitalledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Tomcat's own answer to a request it cannot even hand to the application (a request line or headers too large or
 * malformed): a problem like every other error of the ledger, instead of Tomcat's HTML page. The request was never
 * read, so its correlation id is a new one, given in the {@code X-Correlation-Id} header too.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Spring's builder, so that the problem's properties are written flat, as the service writes them. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        // Tomcat answers 400 to a request line or headers it cannot read: malformed, whatever its cause.
        ProblemCode code = status == 400 ? ProblemCode.MALFORMED_REQUEST : ProblemCode.forStatus(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(known == null ? HttpStatus.BAD_REQUEST : known,
                status == 400 ? "The request could not be read: its request line or headers are malformed or too large"
                        : "The request could not be handled");
        Problems.decorate(problem, code, null);
        String correlationId = UUID.randomUUID().toString();
        problem.setProperty("correlationId", correlationId);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(CorrelationId.HEADER, correlationId);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException unwritable) {
            // The connection is gone or the response was committed meanwhile: nothing more can be said.
        }
    }
}
