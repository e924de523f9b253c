package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clinician's pages apply the same rules as the API: one open case per patient, and closing with open injuries. */
class CaseRulesPagesIT extends PostgresApplicationTest {

  private final String today = LocalDate.now().toString();
  private WebSession pages;

  @BeforeEach
  void signIn() {
    pages = WebSession.signIn(port, "clinician.north", PASSWORD);
    pages.get("/cases/new");
  }

  @Test
  void openingASecondCaseForAPatientLinksToTheOpenOneUnlessAnotherIsAskedFor() {
    String reference = "P-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    Response first = pages.postForm("/cases/new",
        Map.of("clinicId", north.toString(), "patientRef", reference, "openedOn", today));
    assertThat(first.status()).isEqualTo(302);
    String existing = first.header("Location").replaceFirst(".*/cases/", "").replaceFirst("/first-visit/injuries$", "");

    // Another opening date: the very same entry again would be recognised as sent twice (ADR 0016).
    Response duplicate = pages.postForm("/cases/new", Map.of("clinicId", north.toString(), "patientRef", reference,
        "openedOn", LocalDate.parse(today).minusDays(1).toString()));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.body()).contains("This patient already has an open case in this clinic.")
        .contains("href=\"/cases/" + existing + "\"")
        .contains("name=\"openAnotherCase\"");

    Response another = pages.postForm("/cases/new", Map.of("clinicId", north.toString(), "patientRef", reference,
        "openedOn", today, "openAnotherCase", "true"));
    assertThat(another.status()).isEqualTo(302);
    assertThat(another.header("Location")).doesNotEndWith(existing);
  }

  @Test
  void closingWithAnOpenInjuryAsksForConfirmationAndThenSaysItStayedUnresolved() {
    String reference = "P-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    CaseScript script = CaseScript.open(as("clinician.north"), north.toString(), reference, LocalDate.now(), -10);
    script.injury("CALF", "LEFT", "CALF_STRAIN", -10);
    // The page shows the case once the case views have the injury.
    as("clinician.north").withHeader("X-Consistency", "after=" + script.position()).get("/api/v1/cases/" + script.caseId());
    String casePage = "/cases/" + script.caseId();
    assertThat(pages.get(casePage).status()).isEqualTo(200);

    Response refused = pages.postForm(casePage + "/closure", Map.of("closedOn", today, "reason", "Moved away"));
    // A refused form comes back at the case page's own address (ADR 0016).
    assertThat(refused.status()).isEqualTo(302);
    assertThat(pages.get(refused.header("Location").replaceFirst("#.*", "")).body())
        .contains("1 injury is still open.")
        .contains("Close with its open injury left unresolved");

    Response closed = pages.postForm(casePage + "/closure", Map.of("closedOn", today, "reason", "Moved away",
        "closeOpenInjuriesAsUnresolved", "true"));
    assertThat(closed.status()).isEqualTo(302);
    assertThat(pages.get(casePage).body()).contains("1 injury unresolved");
    assertThat(pages.get("/cases?q=" + reference + "&status=CLOSED").body()).contains("Closed with 1 unresolved");
  }
}
