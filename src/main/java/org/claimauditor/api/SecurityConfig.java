package org.claimauditor.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

import java.io.IOException;
import java.time.Duration;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Sign-in and roles. REST callers use HTTP Basic or an API token on every request (no session is made for them);
 * the browser pages sign in with a form and a session cookie (their own filter chain), and every unsafe request that
 * carries that cookie needs a CSRF token, here too. Unsafe requests from another site's page are refused ({@link CrossSiteRequestFilter}).
 * Health answers anyone with its status only; everything else needs a signed-in user with the role below.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    private static final String BILLING = Role.BILLING.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String COMPLIANCE = Role.COMPLIANCE.name();
    private static final String ADMIN = Role.ADMIN.name();

    /** First: the REST API and actuator; every other path is the pages' ({@code org.claimauditor.web.signin}). */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuditorProperties props) throws Exception {
        AuthenticationEntryPoint signIn = SecurityConfig::signIn;
        ApiTokens tokens = new ApiTokens(props.security().tokens());
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens), tokens);
        bearer.setSuccessHandler((request, response, authentication) -> { }); // then the chain goes on
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(signIn));

        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).authenticated()
                        .requestMatchers(POST, "/api/v1/claims/audit").hasAnyRole(BILLING, AUDITOR, ADMIN)
                        .requestMatchers(POST, "/api/v1/audits", "/api/v1/audits/reports").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(GET, "/api/v1/rules", "/api/v1/payers")
                        .hasAnyRole(BILLING, AUDITOR, COMPLIANCE, ADMIN)
                        .requestMatchers(POST, "/api/v1/rules/reload").hasAnyRole(COMPLIANCE, ADMIN)
                        .requestMatchers(GET, "/api/v1/history/**").hasAnyRole(AUDITOR, COMPLIANCE, ADMIN)
                        .anyRequest().hasRole(ADMIN))
                .httpBasic(b -> b.realmName("claim-auditor").authenticationEntryPoint(signIn))
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                // CSRF tokens guard ambient session cookies; a request with no session cookie carries no ambient
                // credentials, and one with an Authorization header was sent on purpose (a browser's cached Basic
                // credentials are covered by the cross-site check instead).
                .csrf(c -> c.ignoringRequestMatchers(
                        r -> r.getHeader(HttpHeaders.AUTHORIZATION) != null || r.getRequestedSessionId() == null))
                .addFilterBefore(new CrossSiteRequestFilter(props.security().allowedOrigins()), CsrfFilter.class)
                .requestCache(c -> c.requestCache(new NullRequestCache())) // a refused API call makes no session
                .exceptionHandling(e -> e.authenticationEntryPoint(signIn).accessDeniedHandler(SecurityConfig::denied));
        return http.build();
    }

    /**
     * {@code {bcrypt}…}, {@code {pbkdf2}…} or {@code {noop}…} passwords; new ones are encoded with bcrypt. A good
     * password is checked in full once per five minutes per user, not on every request.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5));
    }

    @Bean
    UserDetailsService users(AuditorProperties props, PasswordEncoder encoder) {
        return SignInUsers.of(props.security(), encoder, System.out);
    }

    /**
     * Before sign-in, so that the concurrent-request limit also bounds the worker threads busy checking passwords;
     * sign-in reads no body, so an anonymous caller's body is still never read.
     */
    @Bean
    FilterRegistrationBean<RequestLimitFilter> requestLimits(AuditorProperties props) {
        FilterRegistrationBean<RequestLimitFilter> reg = new FilterRegistrationBean<>(new RequestLimitFilter(props.limits()));
        reg.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return reg;
    }

    private static void signIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tried = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"claim-auditor\"");
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"claim-auditor\"");
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "Sign-in required", tried
                ? "The user name and password, or the API token, were not accepted."
                : "Sign in with HTTP Basic or an API token (Authorization: Bearer <token>).", request));
    }

    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail;
        if (e instanceof CsrfException) {
            detail = "This request carries a session cookie but no valid CSRF token.";
        } else {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            detail = "'" + (who == null ? "?" : who.getName()) + "' with " + (who == null ? "no roles"
                    : who.getAuthorities().stream().map(a -> a.getAuthority().replace("ROLE_", "")).sorted().toList())
                    + " may not " + request.getMethod() + " " + request.getRequestURI()
                    + " (roles: docs/security.md).";
        }
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "Not allowed", detail, request));
    }
}
