package org.claimauditor.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages as an HTML page with the one-line reason (no run, no claim, no rule of that id); before the
 * REST API's problem+json handler, which answers everything else.
 */
@ControllerAdvice(basePackages = "org.claimauditor.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        ModelAndView page = new ModelAndView("error", e.getStatusCode());
        page.addObject("status", e.getStatusCode().value());
        page.addObject("error", e.getStatusCode().is4xxClientError() ? "Not found" : "Error");
        page.addObject("message", e.getReason());
        return page;
    }
}
