package org.claimauditor.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors as application/problem+json (RFC 9457), naming the field path when there is one. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(UnreadableClaimException.class)
    ProblemDetail unreadable(UnreadableClaimException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        pd.setTitle("Claim could not be read");
        if (e.path() != null) {
            pd.setProperty("path", e.path());
        }
        return pd;
    }

    /** 413 or 408 from {@link RequestLimitFilter}'s body stream; the connection is closed after the answer. */
    @ExceptionHandler(RequestLimitException.class)
    ProblemDetail limit(RequestLimitException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        pd.setTitle(e.title());
        return pd;
    }
}
