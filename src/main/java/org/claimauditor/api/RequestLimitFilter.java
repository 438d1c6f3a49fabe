package org.claimauditor.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The HTTP limits of {@code /api/**}: at most {@code max-concurrent-requests} at once (503 beyond, so workers stay
 * free for health checks), bodies of at most {@code max-request-bytes} (413, decided from Content-Length before
 * reading, or counted while a chunked body is read — nothing is buffered past the limit) that must arrive within
 * {@code body-read-timeout} (408). It runs before sign-in, so the permits also bound the threads checking
 * passwords. 408, 413 and 503 make Tomcat close the connection instead of draining the rest of the body.
 */
class RequestLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Duration readTimeout;
    private final int maxConcurrent;
    private final Semaphore permits;

    RequestLimitFilter(AuditorProperties.HostLimits limits) {
        this.maxBytes = limits.maxRequestBytes().toBytes();
        this.readTimeout = limits.bodyReadTimeout();
        this.maxConcurrent = limits.maxConcurrentRequests();
        this.permits = new Semaphore(maxConcurrent);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, RequestLimitException.tooLarge(maxBytes));
            return;
        }
        if (!permits.tryAcquire()) {
            response.setHeader("Retry-After", "1");
            Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Server busy",
                    maxConcurrent + " API requests are already in progress (auditor.limits.max-concurrent-requests); "
                            + "retry shortly.", request));
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes, readTimeout), response);
        } catch (RequestLimitException e) {
            refuse(request, response, e); // thrown outside MVC's exception handling, e.g. by another filter
        } finally {
            permits.release();
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, RequestLimitException e)
            throws IOException {
        Problems.write(response, Problems.of(e.status(), e.title(), e.getMessage(), request));
    }

    /** The request with a body stream that counts bytes and time as they are read. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final Duration timeout;
        private final long deadline;
        private CountingStream stream;

        Limited(HttpServletRequest request, long maxBytes, Duration timeout) {
            super(request);
            this.maxBytes = maxBytes;
            this.timeout = timeout;
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes, timeout, deadline);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            return new BufferedReader(new InputStreamReader(getInputStream(), cs));
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private final Duration timeout;
        private final long deadline;
        private long count;

        CountingStream(ServletInputStream in, long maxBytes, Duration timeout, long deadline) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.timeout = timeout;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            checkTime();
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            checkTime();
            // never ask for more than one byte past the limit, so an oversize body is not buffered
            int n = in.read(buf, off, (int) Math.min(len, maxBytes - count + 1));
            count(n);
            return n;
        }

        private void count(int read) {
            count += Math.max(read, 0);
            if (count > maxBytes) {
                throw RequestLimitException.tooLarge(maxBytes);
            }
        }

        /** Before each read: a body that ends in time is never refused, one that trickles on is cut at the next read. */
        private void checkTime() {
            if (System.nanoTime() - deadline > 0) {
                throw RequestLimitException.tooSlow(timeout);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
