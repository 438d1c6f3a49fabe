package org.claimauditor.bench;

import org.claimauditor.ClaimAuditorApplication;
import org.claimauditor.claim.Claim;
import org.claimauditor.report.ResultsFile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Single-claim pre-screen latency: starts the REST host in this JVM on a loopback port with the full tables and
 * sends {@code rate} requests per second for a bounded time from a loopback client, open-loop (requests are sent
 * on schedule whether or not earlier ones returned), then reports percentiles.
 */
final class RestLoad {

    record Result(int requests, double p50Millis, double p99Millis, double maxMillis, int errors) { }

    private RestLoad() { }

    static Result run(Path quarter, Universe universe, long seed, int rate, int seconds) throws Exception {
        // signs in as a billing system would: an API token of this run, with the pre-screen role
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ClaimAuditorApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1", "auditor.ncci-dir=" + quarter,
                        "logging.level.root=WARN", "spring.main.banner-mode=off",
                        "auditor.security.tokens[0].name=bench", "auditor.security.tokens[0].token={noop}" + token,
                        "auditor.security.tokens[0].roles=BILLING")
                .run();
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/claims/audit");
            int total = rate * seconds;
            List<String> bodies = new ArrayList<>();
            Iterator<Claim> it = ClaimGenerator.claims(universe, seed + 7, Math.min(total, 5_000));
            while (it.hasNext()) {
                bodies.add(ResultsFile.JSON.writeValueAsString(it.next()));
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // warm-up, not measured
            for (int i = 0; i < Math.min(2_000, bodies.size() * 2); i++) {
                send(client, uri, token, bodies.get(i % bodies.size())).join();
            }
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger errors = new AtomicInteger();
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            long periodNanos = 1_000_000_000L / rate;
            AtomicInteger sent = new AtomicInteger();
            CompletableFuture<Void> finished = new CompletableFuture<>();
            ticker.scheduleAtFixedRate(() -> {
                int n = sent.getAndIncrement();
                if (n >= total) {
                    finished.complete(null);
                    return;
                }
                long start = System.nanoTime();
                CompletableFuture<?> f = send(client, uri, token, bodies.get(n % bodies.size())).whenComplete((resp, ex) -> {
                    if (ex != null || resp.statusCode() != 200) {
                        errors.incrementAndGet();
                    } else {
                        latencies.add(System.nanoTime() - start);
                    }
                });
                synchronized (inFlight) {
                    inFlight.add(f);
                }
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            finished.get(seconds + 60L, TimeUnit.SECONDS);
            ticker.shutdownNow();
            synchronized (inFlight) {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
            List<Long> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            return new Result(total, pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                    errors.get());
        } finally {
            app.close();
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient client, URI uri, String token, String body) {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }
}
