package org.claimauditor.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole host on a real port with small limits (1 MB bodies, 2 s to send one, 2 API requests at once, 6 worker
 * threads, 1 s of silence) and no user configured, so it runs with the generated admin password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "auditor.no-ncci=true",
        "auditor.limits.max-request-bytes=1MB",
        "auditor.limits.body-read-timeout=2s",
        "auditor.limits.max-concurrent-requests=2",
        "server.tomcat.threads.max=6",
        "server.tomcat.threads.min-spare=2",
        "server.tomcat.connection-timeout=1s"})
@ExtendWith(OutputCaptureExtension.class)
class HttpLimitsTest {

    static final Path REPLAYS = Path.of("src/test/resources/robustness/security");
    static final Pattern GENERATED = Pattern.compile("Sign in as 'admin' \\(role ADMIN\\) with this password, "
            + "valid until the host stops:\\R\\R {4}(\\S+)");
    static final String CLAIM = AuditControllerTest.claim("1").replace("\n", "");

    static String adminPassword;

    @LocalServerPort
    int port;

    /** The host started during this class's capture, so its console output holds the generated password. */
    @BeforeEach
    void readGeneratedPassword(CapturedOutput output) {
        if (adminPassword == null) {
            Matcher m = GENERATED.matcher(output.getOut());
            assertThat(m.find()).as("generated password printed at start").isTrue();
            adminPassword = m.group(1);
        }
    }

    String auth() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    RawHttp.Response exchange(String request) throws IOException {
        try (RawHttp http = new RawHttp(port, 30_000)) {
            http.send(request);
            return http.read();
        }
    }

    String post(String path, String auth, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + auth
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    @Test
    void withNoUserConfiguredTheGeneratedAdminPasswordIsPrintedOnceAndIsTheOnlyWayIn(CapturedOutput output)
            throws IOException {
        assertThat(output.getOut().split("Sign in as 'admin'", -1)).hasSize(2);
        assertThat(output.getOut()).contains("a one-time password for 'admin' was printed to standard output");
        assertThat(exchange(post("/api/v1/claims/audit", auth(), CLAIM)).status()).isEqualTo(200);
        String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        RawHttp.Response refused = exchange(post("/api/v1/claims/audit", wrong, CLAIM));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.head()).contains("Content-Type: application/problem+json");
    }

    /** Requests as a browser or a careless client sends them, replayed byte for byte from the files. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "text-plain-batch.http, 415",
            "form-claim.http, 415",
            "cross-site-text-plain-batch.http, 403",
            "cross-site-reload.http, 403",
            "sec-fetch-cross-site-reload.http, 403",
            "anonymous-reload.http, 401",
            "anonymous-info.http, 401",
            "declared-500mb-batch.http, 413",
            "anonymous-health.http, 200",
            "same-origin-reload.http, 200"})
    void replayedRequestsGetTheirAnswer(String file, int status) throws IOException {
        String text = Files.readString(REPLAYS.resolve(file), StandardCharsets.UTF_8)
                .replace("{{HOST}}", "127.0.0.1:" + port).replace("{{AUTH}}", auth());
        int split = text.indexOf("\n\n");
        String head = text.substring(0, split).replace("\n", "\r\n");
        String body = text.substring(split + 2);
        if (!head.contains("Content-Length") && !body.isEmpty()) {
            head += "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length;
        }
        long t0 = System.nanoTime();
        RawHttp.Response r = exchange(head + "\r\n\r\n" + body);
        assertThat(r.status()).as(r.head() + "\n" + r.body()).isEqualTo(status);
        assertThat(r.head()).doesNotContain("Set-Cookie");
        if (status != 200) {
            assertThat(r.head()).contains("Content-Type: application/problem+json");
            assertThat(r.body()).contains("\"status\":" + status);
            assertThat((System.nanoTime() - t0) / 1e9).as("refused at once").isLessThan(5);
        }
        if (file.equals("anonymous-health.http")) {
            assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void a500MegabyteChunkedBodyIsRefusedAfterTheLimitWithoutBeingRead() throws Exception {
        AtomicLong sent = new AtomicLong();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (RawHttp http = new RawHttp(port, 30_000)) {
            http.send("POST /api/v1/audits HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + auth()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            long t0 = System.nanoTime();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                byte[] chunk = ("10000\r\n" + "[".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    OutputStream out = http.out();
                    while (sent.get() < 500L << 20) {
                        out.write(chunk);
                        sent.addAndGet(0x10000);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the server answered 413 and closed the connection: expected
                }
            }, writer);
            RawHttp.Response r = http.read();
            double seconds = (System.nanoTime() - t0) / 1e9;
            writing.get(30, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.head()).isEqualTo(413);
            assertThat(r.head()).contains("Content-Type: application/problem+json").contains("Connection: close");
            assertThat(r.body()).contains("exceeds 1048576 bytes (auditor.limits.max-request-bytes)");
            assertThat(seconds).isLessThan(10);
            assertThat(sent.get()).as("bytes the client got to send").isLessThan(100L << 20);
        } finally {
            writer.shutdownNow();
        }
        assertThat(exchange("GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
    }

    /**
     * Two clients trickle a body (one byte every 250 ms): they hold the two API permits, a third API request gets
     * 503 at once, health keeps answering, and both trickles are cut with 408 after the 2 s body-read timeout.
     * A client that goes silent mid-body is dropped by the 1 s connection timeout.
     */
    @Test
    void slowBodiesAreCutWhileHealthKeepsAnswering() throws Exception {
        ExecutorService tricklers = Executors.newFixedThreadPool(2);
        List<RawHttp> slow = new ArrayList<>();
        List<CompletableFuture<Void>> trickling = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < 2; i++) {
                RawHttp http = new RawHttp(port, 30_000);
                slow.add(http);
                http.send("POST /api/v1/audits HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + auth()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n[");
                trickling.add(CompletableFuture.runAsync(() -> {
                    try {
                        for (int b = 0; b < 100; b++) {
                            Thread.sleep(250);
                            http.send(" ");
                        }
                    } catch (IOException | InterruptedException e) {
                        // cut by the server: expected
                    }
                }, tricklers));
            }
            Thread.sleep(700); // both are past sign-in and reading their bodies

            RawHttp.Response busy = exchange(post("/api/v1/claims/audit", auth(), CLAIM));
            assertThat(busy.status()).as(busy.head()).isEqualTo(503);
            assertThat(busy.head()).contains("Retry-After: 1").contains("application/problem+json");
            for (int i = 0; i < 5; i++) {
                long h0 = System.nanoTime();
                RawHttp.Response health = exchange("GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(health.status()).isEqualTo(200);
                assertThat((System.nanoTime() - h0) / 1e6).as("health answer in ms").isLessThan(1000);
            }
            for (RawHttp http : slow) {
                RawHttp.Response cut = http.read();
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertThat(cut.status()).as(cut.head()).isEqualTo(408);
                assertThat(cut.body()).contains("auditor.limits.body-read-timeout");
                assertThat(seconds).isBetween(1.5, 6.0);
            }

            try (RawHttp silent = new RawHttp(port, 30_000)) {
                silent.send("POST /api/v1/audits HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + auth()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n[");
                long s0 = System.nanoTime();
                RawHttp.Response dropped = silent.read();
                assertThat(dropped.status()).as(dropped.head()).isNotEqualTo(200);
                assertThat((System.nanoTime() - s0) / 1e9).as("seconds until dropped").isLessThan(5);
            }
            assertThat(exchange(post("/api/v1/audits", auth(), "[" + CLAIM + "]")).status()).isEqualTo(200);
        } finally {
            tricklers.shutdownNow();
            for (RawHttp http : slow) {
                http.close();
            }
        }
    }
}
