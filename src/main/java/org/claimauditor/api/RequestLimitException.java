package org.claimauditor.api;

import org.springframework.http.HttpStatus;

/**
 * A request broke an {@code auditor.limits} setting while its body was read (413 too large, 408 too slow). Unchecked
 * so that it passes through message converters and JSON parsers unchanged and reaches the exception handler.
 */
class RequestLimitException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    RequestLimitException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    static RequestLimitException tooLarge(long max) {
        return new RequestLimitException(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                "The request body exceeds " + max + " bytes (auditor.limits.max-request-bytes); "
                        + "split the batch or raise the limit.");
    }

    static RequestLimitException tooSlow(java.time.Duration timeout) {
        return new RequestLimitException(HttpStatus.REQUEST_TIMEOUT, "Request body too slow",
                "The request body did not arrive within " + timeout.toMillis() / 1000.0
                        + " s (auditor.limits.body-read-timeout).");
    }
}
