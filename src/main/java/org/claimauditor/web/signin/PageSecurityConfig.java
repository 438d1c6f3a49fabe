package org.claimauditor.web.signin;

import jakarta.servlet.DispatcherType;
import org.claimauditor.api.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.LinkedHashMap;

import static org.springframework.http.HttpMethod.POST;

/**
 * The pages: a sign-in form and a session cookie, on the users of {@code auditor.security.users} (the same
 * {@code UserDetailsService} as HTTP Basic on the REST API, which keeps its own chain). Spring Security's CSRF token
 * guards every form (Thymeleaf puts it in each {@code th:action} form). Which role may open which page mirrors the
 * REST API's table (docs/security.md): the templates hide what the role may not do, and these rules refuse it.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfig {

    private static final String BILLING = Role.BILLING.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String COMPLIANCE = Role.COMPLIANCE.name();
    private static final String ADMIN = Role.ADMIN.name();

    private static final RequestMatcher API_DOCS_JSON = new AntPathRequestMatcher("/v3/api-docs/**");

    static final String[] API_DOCS = {"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("claim-auditor");
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/css/**", "/favicon.ico").permitAll()
                        // the API's shape is no secret, but the host is never open: any signed-in role may read it
                        .requestMatchers(API_DOCS).authenticated()
                        .requestMatchers("/prescreen/**", "/prescreen").hasAnyRole(BILLING, AUDITOR, ADMIN)
                        .requestMatchers("/batches/**", "/batches").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(POST, "/rules/reload").hasAnyRole(COMPLIANCE, ADMIN)
                        .requestMatchers("/impact/**", "/impact").hasAnyRole(COMPLIANCE, ADMIN)
                        .requestMatchers("/", "/rules/**", "/rules", "/payers").authenticated()
                        .anyRequest().hasRole(ADMIN))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false))
                // programs fetching /v3/api-docs sign in like on the REST API, and get 401 rather than the form
                .httpBasic(b -> b.realmName("claim-auditor"))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(basic)))
                .logout(l -> l.logoutSuccessUrl("/login?signedOut"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self' 'unsafe-inline'; frame-ancestors 'self'")));
        return http.build();
    }

    /** People get the sign-in form; a program (asking for the OpenAPI JSON, or sending credentials) gets 401. */
    private static AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint basic) {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
        byRequest.put(request -> API_DOCS_JSON.matches(request) || request.getHeader("Authorization") != null, basic);
        DelegatingAuthenticationEntryPoint entry = new DelegatingAuthenticationEntryPoint(byRequest);
        entry.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return entry;
    }
}
