package com.kineticcasebook.access;

import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Issues and revokes the bearer tokens of the JSON API. */
@RestController
@RequestMapping("/api/v1/auth/tokens")
class AuthController {

  record TokenRequest(String username, String password) {}

  record TokenResponse(String token, Instant expiresAt) {}

  private final AuthenticationManager authenticationManager;
  private final ApiTokens tokens;

  AuthController(AuthenticationManager authenticationManager, ApiTokens tokens) {
    this.authenticationManager = authenticationManager;
    this.tokens = tokens;
  }

  /** Signs in through the same throttled password check as the login form. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  TokenResponse issue(@RequestBody TokenRequest request, HttpServletResponse response) {
    List<Problems.FieldError> missing = new ArrayList<>();
    if (request.username() == null || request.username().isBlank()) {
      missing.add(new Problems.FieldError("username", "is required"));
    }
    if (request.password() == null || request.password().isEmpty()) {
      missing.add(new Problems.FieldError("password", "is required"));
    }
    if (!missing.isEmpty()) {
      throw new ApiException(Problems.validation(missing));
    }
    CasebookUser user;
    try {
      user = (CasebookUser) authenticationManager
          .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()))
          .getPrincipal();
    } catch (LoginThrottle.TooManyFailures e) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
      throw new ApiException(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-sign-ins",
          "Too many failed sign-ins", e.inWords()));
    } catch (AuthenticationException e) {
      throw new ApiException(Problems.of(HttpStatus.UNAUTHORIZED, "bad-credentials", "Wrong credentials",
          "The username or password is wrong, or the account is disabled."));
    }
    ApiTokens.IssuedToken issued = tokens.issue(user);
    return new TokenResponse(issued.token(), issued.expiresAt());
  }

  @DeleteMapping("/current")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revokeCurrent(BearerTokenAuthentication authentication) {
    tokens.revoke(authentication.getToken().getTokenValue());
  }
}
