package org.claimauditor.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Which role may open which page, signed in through the form; the REST API keeps answering 401 problem+json. */
@WebAppTest
class PageAccessTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    /** user, then the status of: /prescreen, /batches, /rules, /payers, /impact */
    @ParameterizedTest
    @CsvSource({
            "billing,    200, 403, 200, 200, 403",
            "auditor,    200, 200, 200, 200, 403",
            "compliance, 403, 403, 200, 200, 200",
            "admin,      200, 200, 200, 200, 200"})
    void eachRoleOpensItsPages(String user, int prescreen, int batches, int rules, int payers, int impact)
            throws Exception {
        HttpClient http = signIn(user, user + "-pw");
        assertThat(get(http, "/prescreen").statusCode()).isEqualTo(prescreen);
        assertThat(get(http, "/batches").statusCode()).isEqualTo(batches);
        assertThat(get(http, "/rules").statusCode()).isEqualTo(rules);
        assertThat(get(http, "/payers").statusCode()).isEqualTo(payers);
        assertThat(get(http, "/impact").statusCode()).isEqualTo(impact);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpClient http = signIn("compliance", "compliance-pw");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/rules/reload"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void anonymousPagesGoToTheFormButTheApiStillAnswers401() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = get(http, "/batches");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> api = get(http, "/api/v1/rules");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    private HttpClient signIn(String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher token = CSRF.matcher(get(http, "/login").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return http;
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
