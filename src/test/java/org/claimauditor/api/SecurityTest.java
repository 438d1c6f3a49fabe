package org.claimauditor.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in, roles, content types and cross-site refusals over the web slice (users in robustness/security). */
@ApiSlice
@ExtendWith(OutputCaptureExtension.class)
class SecurityTest {

    static final String CLAIM = AuditControllerTest.claim("1");
    static final String BATCH = "[" + CLAIM + "]";

    /** Every endpoint, with a body it accepts. */
    enum Endpoint {
        PRE_SCREEN(HttpMethod.POST, "/api/v1/claims/audit", CLAIM),
        BATCH(HttpMethod.POST, "/api/v1/audits", SecurityTest.BATCH),
        REPORTS(HttpMethod.POST, "/api/v1/audits/reports", SecurityTest.BATCH),
        RULES(HttpMethod.GET, "/api/v1/rules", null),
        PAYERS(HttpMethod.GET, "/api/v1/payers", null),
        RELOAD(HttpMethod.POST, "/api/v1/rules/reload", null);

        final HttpMethod method;
        final String path;
        final String body;

        Endpoint(HttpMethod method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        MockHttpServletRequestBuilder request() {
            MockHttpServletRequestBuilder b = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .request(method, path);
            return body == null ? b : b.contentType(MediaType.APPLICATION_JSON).content(body);
        }
    }

    /** The role table of the README: what each configured user may do. */
    static final Map<String, Set<Endpoint>> MAY = Map.of(
            "billing", Set.of(Endpoint.PRE_SCREEN, Endpoint.RULES, Endpoint.PAYERS),
            "auditor", Set.of(Endpoint.PRE_SCREEN, Endpoint.BATCH, Endpoint.REPORTS, Endpoint.RULES, Endpoint.PAYERS),
            "compliance", Set.of(Endpoint.RULES, Endpoint.PAYERS, Endpoint.RELOAD),
            "admin", Set.of(Endpoint.values()));

    static final Map<String, String> PASSWORD = Map.of("billing", "billing-pw", "auditor", "auditor-pw",
            "compliance", "compliance-pw", "admin", "admin-pw");

    @Autowired
    MockMvc mvc;

    static Stream<Arguments> roleTable() {
        List<Arguments> out = new ArrayList<>();
        MAY.forEach((user, allowed) -> {
            for (Endpoint e : Endpoint.values()) {
                out.add(Arguments.of(user, e, allowed.contains(e)));
            }
        });
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} allowed={2}")
    @MethodSource("roleTable")
    void eachRoleMayDoItsPartAndNothingElse(String user, Endpoint endpoint, boolean allowed, CapturedOutput output)
            throws Exception {
        MvcResult r = mvc.perform(endpoint.request().with(httpBasic(user, PASSWORD.get(user)))).andReturn();
        if (allowed) {
            assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
            if (endpoint == Endpoint.RELOAD) { // the reload audit trail: who, when, which rule set; no claim data
                String version = r.getResponse().getContentAsString().replaceAll(".*\"version\":\"([^\"]+)\".*", "$1");
                assertThat(output.getOut()).containsPattern("rules reloaded by '" + user
                        + "' at \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z: \\S+ -> " + Pattern.quote(version) + " \\(\\d+ rules");
                List<String> logged = output.getOut().lines().filter(l -> l.contains("RulesController")).toList();
                assertThat(logged).isNotEmpty().noneMatch(l -> l.contains("1234567893") || l.contains("E11.9"));
            }
        } else {
            assertThat(r.getResponse().getStatus()).isEqualTo(403);
            assertThat(r.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(r.getResponse().getContentAsString()).contains("'" + user + "' with [" + user.toUpperCase() + "]")
                    .contains("may not " + endpoint.method + " " + endpoint.path);
        }
    }

    @Test
    void anonymousCallersAreAskedToSignInOnEveryEndpoint() throws Exception {
        for (Endpoint e : Endpoint.values()) {
            mvc.perform(e.request())
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().stringValues("WWW-Authenticate", hasItem("Basic realm=\"claim-auditor\"")))
                    .andExpect(jsonPath("$.title").value("Sign-in required"))
                    .andExpect(jsonPath("$.instance").value(e.path));
        }
    }

    @Test
    void wrongPasswordOrUnknownUserIs401() throws Exception {
        for (RequestPostProcessor wrong : List.of(httpBasic("auditor", "billing-pw"), httpBasic("nobody", "auditor-pw"),
                httpBasic("admin", "admin-PW"))) {
            mvc.perform(Endpoint.RULES.request().with(wrong))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString("were not accepted")));
        }
    }

    @Test
    void apiTokensSignInWithTheirRoles() throws Exception {
        // stored as {sha256}: BILLING
        mvc.perform(Endpoint.PRE_SCREEN.request().header("Authorization", "Bearer billing-token-for-tests-0123456789"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PASS"));
        mvc.perform(Endpoint.BATCH.request().header("Authorization", "Bearer billing-token-for-tests-0123456789"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("'billing-system' with [BILLING]")));
        // stored as {noop}: AUDITOR
        mvc.perform(Endpoint.BATCH.request().header("Authorization", "Bearer audit-robot-token-for-tests-0123456789"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("PASS"));
        for (String wrong : List.of("Bearer billing-token-for-tests-012345678", "Bearer ",
                "Bearer {noop}audit-robot-token-for-tests-0123456789")) {
            mvc.perform(Endpoint.RULES.request().header("Authorization", wrong))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void simpleContentTypesAreRefusedWith415() throws Exception {
        for (Endpoint e : List.of(Endpoint.PRE_SCREEN, Endpoint.BATCH, Endpoint.REPORTS)) {
            for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED,
                    MediaType.MULTIPART_FORM_DATA)) {
                mvc.perform(request(e.method, e.path).contentType(type).content(e.body).with(httpBasic("admin", "admin-pw")))
                        .andExpect(status().isUnsupportedMediaType())
                        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
            }
        }
    }

    @Test
    void unsafeRequestsFromAnotherSiteAreRefusedEvenWithCredentials() throws Exception {
        RequestPostProcessor cachedBasic = httpBasic("admin", "admin-pw");
        for (Endpoint e : List.of(Endpoint.RELOAD, Endpoint.BATCH, Endpoint.PRE_SCREEN)) {
            mvc.perform(e.request().with(cachedBasic).header("Origin", "https://attacker.example"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Cross-site request refused"))
                    .andExpect(jsonPath("$.detail").value(containsString("https://attacker.example")));
            mvc.perform(e.request().with(cachedBasic).header("Sec-Fetch-Site", "cross-site"))
                    .andExpect(status().isForbidden());
            mvc.perform(e.request().with(cachedBasic).header("Origin", "null"))
                    .andExpect(status().isForbidden());
        }
        // reading stays possible cross-site (it changes nothing, and without CORS the page cannot read the answer)
        mvc.perform(Endpoint.RULES.request().with(cachedBasic).header("Origin", "https://attacker.example"))
                .andExpect(status().isOk());
        // the server's own pages and the configured portal may post
        mvc.perform(Endpoint.PRE_SCREEN.request().with(cachedBasic).header("Origin", "http://localhost")
                        .header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isOk());
        mvc.perform(Endpoint.PRE_SCREEN.request().with(cachedBasic).header("Origin", "https://portal.example.org/"))
                .andExpect(status().isOk());
    }

    @Test
    void browserSessionsNeedACsrfTokenWhileApiCallsMakeNoSession() throws Exception {
        RequestPostProcessor sessionCookie = r -> {
            r.setRequestedSessionId("from-a-cookie");
            return r;
        };
        mvc.perform(Endpoint.PRE_SCREEN.request().with(user("page-user").roles("BILLING")).with(sessionCookie))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("CSRF")));
        mvc.perform(Endpoint.PRE_SCREEN.request().with(user("page-user").roles("BILLING")).with(sessionCookie).with(csrf()))
                .andExpect(status().isOk());

        for (RequestPostProcessor who : List.of(httpBasic("billing", "billing-pw"), httpBasic("billing", "wrong"))) {
            MvcResult r = mvc.perform(Endpoint.PRE_SCREEN.request().with(who)).andReturn();
            assertThat(r.getRequest().getSession(false)).as("session after " + r.getResponse().getStatus()).isNull();
            assertThat(r.getResponse().getHeader("Set-Cookie")).isNull();
        }
        MvcResult anonymous = mvc.perform(Endpoint.RULES.request()).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
        assertThat(anonymous.getRequest().getSession(false)).isNull();
    }
}
