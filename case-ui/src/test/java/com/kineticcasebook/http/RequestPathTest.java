package com.kineticcasebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** One spelling per path: what the router would read differently from the raw URI is not canonical. */
class RequestPathTest {

  @Test
  void plainPathsAreCanonical() {
    for (String path : List.of("/", "/login", "/api/v1/cases/3f2b9c1e-8d4a-4e6b-9a7c-1d2e3f4a5b6c/timeline",
        "/dashboards/outcomes.csv", "/webjars/htmx.org/2.0.4/htmx.min.js", "/a~b_c", "/...")) {
      assertThat(RequestPath.isCanonical(request(path))).as(path).isTrue();
    }
  }

  @Test
  void everyOtherSpellingIsNot() {
    for (String path : List.of("", "cases", "/api/v1/%63ases", "/api/v1/cases%2Fx", "/api/v1/cases/%2e%2e/x",
        "/api/v1/./cases", "/api/v1/../cases", "/api/v1/cases/.", "/api/v1/cases/..", "//api/v1/cases",
        "/api/v1//cases", "/api/v1/cases/", "/api/v1/cases;x=1", "/api/v1/cases;", "/api\\v1", "/api/v1/cases%20",
        "/api/v1/caf\u00e9", "/api/v1/cases\u0000", "/api/v1/cases?", "/api/v1/cases#x", "/api/v1/ca ses",
        "/api/v1/cases%")) {
      assertThat(RequestPath.isCanonical(request(path))).as(path).isFalse();
    }
  }

  @Test
  void thePathIsTakenWithinTheApplication() {
    MockHttpServletRequest request = request("/casebook/api/v1/cases");
    request.setContextPath("/casebook");
    assertThat(RequestPath.isCanonical(request)).isTrue();
    assertThat(RequestPath.of(request)).isEqualTo("/api/v1/cases");
  }

  private static MockHttpServletRequest request(String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    request.setRequestURI(uri);
    return request;
  }
}
