package com.kineticcasebook.access;

import com.kineticcasebook.problem.DatabaseFailures;
import com.kineticcasebook.problem.ProblemWriter;
import com.kineticcasebook.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The JSON API ({@code /api/**}, with the OpenAPI description and the
 * Prometheus metrics for administrators) is stateless with bearer tokens and needs no CSRF token;
 * anything not listed is denied, so a new endpoint is closed until its rule is written. The web UI
 * uses form login, a session and CSRF protection on every form; each area of pages belongs to one
 * role, and pages outside those areas need a signed-in user. Both sign in through one throttled
 * {@link AuthenticationManager}, and both follow a user's current standing ({@link UserStanding}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /**
   * Requests are measured once, by Spring MVC's server observation ({@code http_server_requests});
   * Spring Security would otherwise open an observation around every filter of every request, read
   * by nobody; with Axon's per-call timeouts it was about a third of a command's request thread
   * (ADR 0024).
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
    AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
      if (DatabaseFailures.isUnavailable(e)) {
        // The token could not be checked, which is not the client's fault.
        response.setHeader("Retry-After", "5");
        problems.write(response, Problems.databaseUnavailable());
        return;
      }
      response.setHeader("WWW-Authenticate", "Bearer");
      problems.write(response, Problems.unauthenticated());
    };
    AccessDeniedHandler forbidden = (request, response, e) -> problems.write(response, Problems.forbidden());
    return http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/prometheus")
        .headers(SecurityConfiguration::headers)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .oauth2ResourceServer(resource -> resource
            .opaqueToken(opaque -> opaque.introspector(tokens))
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(forbidden)
            .withObjectPostProcessor(answeringTokenCheckFailures(unauthenticated)))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(forbidden))
        .authorizeHttpRequests(rules -> rules
            .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
            .requestMatchers(HttpMethod.DELETE, "/api/v1/auth/tokens/current").authenticated()
            .requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated()
            .requestMatchers(HttpMethod.GET, "/api/v1/reference/**").authenticated()
            .requestMatchers(HttpMethod.POST, "/api/v1/cases", "/api/v1/cases/**").hasRole(Role.CLINICIAN.name())
            .requestMatchers(HttpMethod.PUT, "/api/v1/cases/*/gait-recordings/*/video").hasRole(Role.CLINICIAN.name())
            .requestMatchers(HttpMethod.GET, "/api/v1/cases/*", "/api/v1/cases/*/timeline")
                .hasAnyRole(Role.CLINICIAN.name(), Role.ADMIN.name())
            .requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/**").hasRole(Role.CLINICIAN.name())
            .requestMatchers(HttpMethod.POST, "/api/v1/break-glass").hasAnyRole(Role.CLINICIAN.name(), Role.ADMIN.name())
            .requestMatchers(HttpMethod.GET, "/api/v1/dashboards/**").hasRole(Role.PRACTICE_OWNER.name())
            .requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasRole(Role.AUDITOR.name())
            .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoints").hasRole(Role.AUDITOR.name())
            .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
            .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/actuator/prometheus")
                .hasRole(Role.ADMIN.name())
            .anyRequest().denyAll())
        .build();
  }

  /**
   * By default a token that could not be checked at all (the database is down) escapes as a 500;
   * sent to the entry point instead, it becomes a 503 problem.
   */
  private static ObjectPostProcessor<BearerTokenAuthenticationFilter> answeringTokenCheckFailures(
      AuthenticationEntryPoint entryPoint) {
    return new ObjectPostProcessor<>() {
      @Override
      public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
        AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(entryPoint);
        failures.setRethrowAuthenticationServiceException(false);
        filter.setAuthenticationFailureHandler(failures);
        return filter;
      }
    };
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager, UserStanding standing)
      throws Exception {
    return http
        .headers(SecurityConfiguration::headers)
        // The form signs in through the same throttled manager as the token endpoint.
        .authenticationManager(authenticationManager)
        .csrf(csrf -> csrf.csrfTokenRequestHandler(new MalformedCsrfTokens()))
        .addFilterBefore(new SessionRevocationFilter(standing), AuthorizationFilter.class)
        .authorizeHttpRequests(rules -> rules
            .requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/images/**", "/webjars/**").permitAll()
            .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
            .requestMatchers("/cases", "/cases/**").hasRole(Role.CLINICIAN.name())
            .requestMatchers("/dashboards", "/dashboards/**").hasRole(Role.PRACTICE_OWNER.name())
            .requestMatchers("/audit", "/audit/**").hasRole(Role.AUDITOR.name())
            .requestMatchers("/admin", "/admin/**").hasRole(Role.ADMIN.name())
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
            .failureHandler(LoginPage.rememberingUsername()))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        // A refusal is answered with the 403 page, rendered by the error controller.
        .exceptionHandling(exceptions -> exceptions
            .accessDeniedHandler((request, response, e) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)))
        .build();
  }

  /**
   * No inline or third-party script, no framing, no referrer beyond the site. HSTS is sent on
   * requests that arrived over TLS (directly, or at a proxy that says so in X-Forwarded-Proto).
   */
  private static void headers(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
        .frameOptions(frame -> frame.deny())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationManager authenticationManager(
      UserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users) {
      @Override
      protected Authentication createSuccessAuthentication(
          Object principal, Authentication authentication, UserDetails user) {
        // Sessions and security contexts keep the user without the password hash.
        Object kept = user instanceof CasebookUser casebookUser ? casebookUser.withoutPassword() : principal;
        return super.createSuccessAuthentication(kept, authentication, user);
      }
    };
    provider.setPasswordEncoder(passwordEncoder);
    // The password is checked before whether the account is disabled, so that both take the time
    // of a password check and a disabled account is not told apart from a wrong password.
    provider.setPreAuthenticationChecks(user -> { });
    provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    return new ProviderManager(throttle.guard(provider));
  }
}
