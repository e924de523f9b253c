package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CaseRecorderTest {

  @Test
  void givenTheSameEntrySentFromTwoRenderings_whenFingerprinted_thenTheyAreTheSame() {
    assertThat(CaseRecorder.fingerprint(form("key-1", "csrf-1", "6")))
        .isEqualTo(CaseRecorder.fingerprint(form("key-2", "csrf-2", "6")));
  }

  @Test
  void givenAnotherValueOrAnotherCase_whenFingerprinted_thenTheyDiffer() {
    String first = CaseRecorder.fingerprint(form("key-1", "csrf-1", "6"));
    assertThat(CaseRecorder.fingerprint(form("key-1", "csrf-1", "7"))).isNotEqualTo(first);
    MockHttpServletRequest otherCase = form("key-1", "csrf-1", "6");
    otherCase.setRequestURI("/cases/00000000-0000-0000-0000-000000000002/injuries");
    assertThat(CaseRecorder.fingerprint(otherCase)).isNotEqualTo(first);
  }

  @Test
  void givenValuesThatRunTogether_whenFingerprinted_thenTheyStayApart() {
    MockHttpServletRequest joined = new MockHttpServletRequest("POST", "/cases/x/injuries");
    joined.addParameter("description", "a\npainScore=6");
    MockHttpServletRequest apart = new MockHttpServletRequest("POST", "/cases/x/injuries");
    apart.addParameter("description", "a");
    apart.addParameter("painScore", "6");
    assertThat(CaseRecorder.fingerprint(joined)).isNotEqualTo(CaseRecorder.fingerprint(apart));
  }

  private static MockHttpServletRequest form(String key, String csrf, String painScore) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST",
        "/cases/00000000-0000-0000-0000-000000000001/injuries");
    request.addParameter(CaseRecorder.KEY_PARAMETER, key);
    request.addParameter("_csrf", csrf);
    request.addParameter("description", "Sore after hills");
    request.addParameter("painScore", painScore);
    return request;
  }
}
