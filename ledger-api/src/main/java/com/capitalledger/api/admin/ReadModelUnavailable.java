package com.capitalledger.api.admin;

import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A query needs a read model that is being rebuilt: answering from half a state would mislead, so it says so with
 * 503 {@code READ_MODEL_REBUILDING} and a {@code Retry-After}.
 */
public class ReadModelUnavailable extends ProblemException {

    private final long retryAfterSeconds;

    public ReadModelUnavailable(String readModel, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.READ_MODEL_REBUILDING, "read model " + readModel
                + " is being rebuilt; retry in about " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }
}
