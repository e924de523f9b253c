package com.kineticcasebook.http;

import com.kineticcasebook.problem.ProblemWriter;
import com.kineticcasebook.problem.Problems;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests that Spring Security's firewall refuses get a problem+json 400 like every other bad
 * request, instead of the servlet container's page. Non-canonical paths never reach it
 * ({@link CanonicalRequestFilter} refuses them first); it remains the check of methods and of
 * header and parameter values.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

  @Bean
  RequestRejectedHandler problemForRejectedRequests(ProblemWriter problems) {
    return (request, response, rejected) -> problems.write(response, Problems.validation(
        List.of(new Problems.FieldError("path", "is not a valid address"))));
  }
}
