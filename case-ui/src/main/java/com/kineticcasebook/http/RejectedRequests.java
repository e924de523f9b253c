package com.kineticcasebook.http;

import com.kineticcasebook.problem.ProblemWriter;
import com.kineticcasebook.problem.Problems;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Paths that Spring Security's firewall refuses (dot segments, encoded slashes, path parameters)
 * get a problem+json 400 like every other bad request, instead of the servlet container's page.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

  @Bean
  RequestRejectedHandler problemForRejectedRequests(ProblemWriter problems) {
    return (request, response, rejected) -> problems.write(response, Problems.validation(
        List.of(new Problems.FieldError("path", "is not a valid address"))));
  }
}
