package com.kineticcasebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A projection that fails on one case's events parks them in the dead-letter queue and keeps
 * projecting every other case; after the fault is fixed, an administrator retries them.
 */
class PoisonEventIT extends PostgresApplicationTest {

  private final String poison = "P-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void removeTheFault() {
    asOwner().execute("DROP TRIGGER IF EXISTS poison_case_view ON case_view");
  }

  @Test
  void aPoisonEventIsParkedOthersFlowAndARetryAfterTheFixBringsItIn() throws Exception {
    // The fault: the read table refuses this one case, as a bug in a projection would.
    asOwner().execute("CREATE OR REPLACE FUNCTION poison_case_view() RETURNS trigger LANGUAGE plpgsql AS $$ "
        + "BEGIN IF NEW.patient_ref = '" + poison + "' THEN RAISE EXCEPTION 'simulated projection bug'; END IF; "
        + "RETURN NEW; END; $$");
    asOwner().execute("CREATE TRIGGER poison_case_view BEFORE INSERT OR UPDATE ON case_view "
        + "FOR EACH ROW EXECUTE FUNCTION poison_case_view()");

    ApiClient clinician = as("clinician.north");
    LocalDate day0 = LocalDate.now().minusDays(5);
    CaseScript poisoned = CaseScript.open(clinician, north.toString(), poison, day0, 0);
    poisoned.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 1);
    CaseScript healthy = CaseScript.open(clinician, north.toString(), "H-1234", day0, 0);

    Response healthyView = clinician.withHeader("X-Consistency", "after=" + healthy.position())
        .get("/api/v1/cases/" + healthy.caseId());
    assertThat(healthyView.status()).as("other cases keep being projected").isEqualTo(200);
    assertThat(clinician.get("/api/v1/cases/" + poisoned.caseId()).status()).isEqualTo(503);

    ApiClient admin = as("admin");
    JsonNode parked = admin.get("/api/v1/admin/dead-letters").json().get("deadLetters");
    assertThat(parked.valueStream().filter(d -> d.get("caseId").asString().equals(poisoned.caseId())).count())
        .as("both events of the poisoned case are parked, in order").isEqualTo(2);
    assertThat(parked.valueStream().filter(d -> d.get("caseId").asString().equals(poisoned.caseId()))
        .map(d -> d.get("eventType").asString())).containsExactly("CaseOpened", "InjuryReported");

    removeTheFault();
    Response retried = admin.post("/api/v1/admin/dead-letters/case-views/retry", java.util.Map.of());
    assertThat(retried.status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/admin/dead-letters").json().get("deadLetters").valueStream()
        .filter(d -> d.get("caseId").asString().equals(poisoned.caseId()))).as("nothing of the case stays parked").isEmpty();

    JsonNode view = clinician.get("/api/v1/cases/" + poisoned.caseId()).json();
    assertThat(view.get("patientRef").asString()).isEqualTo(poison);
    assertThat(view.get("injuries").size()).isEqualTo(1);
  }

  @Test
  void onlyAdministratorsSeeOrRetryDeadLetters() {
    for (String user : java.util.List.of("clinician.north", "owner", "auditor")) {
      assertThat(as(user).get("/api/v1/admin/dead-letters").status()).isEqualTo(403);
    }
    assertThat(as("admin").post("/api/v1/admin/dead-letters/no-such-group/retry", java.util.Map.of()).status())
        .isEqualTo(404);
  }
}
