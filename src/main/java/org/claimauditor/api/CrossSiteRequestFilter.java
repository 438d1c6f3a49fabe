package org.claimauditor.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses POST/PUT/PATCH/DELETE that a browser sends on behalf of another site. A browser that has cached HTTP
 * Basic credentials adds them to any request to this host, so a page elsewhere could otherwise trigger
 * {@code POST /api/v1/rules/reload}, which has no body and so no content type to refuse. Browsers name the
 * sending page in {@code Origin} (and say {@code Sec-Fetch-Site: cross-site}); clients that are not browsers
 * (curl, billing systems) send neither and are not affected.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowedOrigins;

    CrossSiteRequestFilter(List<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins.stream().map(CrossSiteRequestFilter::normalise).toList());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = SAFE.contains(request.getMethod()) ? null : refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "Cross-site request refused", refusal, request));
    }

    /** Why the request is refused, or null when it comes from this server's own pages or from no browser at all. */
    private String refusal(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            if (sameHost(origin, host(request)) || allowedOrigins.contains(normalise(origin))) {
                return null;
            }
            return "Origin " + origin + " is another site; add it to auditor.security.allowed-origins "
                    + "if its pages may call this server.";
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equals(site) || "same-site".equals(site)) {
            return "Sec-Fetch-Site: " + site + " without an Origin; the browser sent this for another site.";
        }
        return null;
    }

    /** The Host header; an HTTP/1.0 request may lack it, then the server's name and port. */
    private static String host(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host != null) {
            return host;
        }
        int port = request.getServerPort();
        boolean defaultPort = port == 80 && "http".equals(request.getScheme())
                || port == 443 && "https".equals(request.getScheme());
        return defaultPort ? request.getServerName() : request.getServerName() + ":" + port;
    }

    /** Origin's host[:port] against the Host header: also right behind a TLS-terminating proxy. */
    private static boolean sameHost(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            return host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
