package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The condition code of an injury is optional: a hypothesis over injuries that name none is
 * projected like any other, and the case's later events (its closure) are shown, not held back.
 */
class UncodedInjuriesIT extends PostgresApplicationTest {

  @Test
  void aHypothesisOverInjuriesWithoutConditionCodesIsProjectedAndTheCaseCloses() {
    ApiClient clinician = as("clinician.north");
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-8001", LocalDate.now().minusDays(40), 0);
    String calf = c.injury("CALF", "LEFT", null, 1);
    String knee = c.injury("KNEE", "RIGHT", null, 3);
    c.hypothesis(calf, List.of(knee));
    c.treat(calf, "LOADING_PROGRAMME", 5);
    c.resolve(knee, 20);
    c.close(25);

    Response read = clinician.withHeader("X-Consistency", "after=" + c.position()).get("/api/v1/cases/" + c.caseId());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    JsonNode view = read.json();
    assertThat(view.get("status").asString()).isEqualTo("CLOSED");
    assertThat(view.get("primaryInjuryId").asString()).isEqualTo(calf);
    assertThat(view.get("injuries").valueStream().map(i -> i.get("role").asString()))
        .containsExactly("PRIMARY", "SECONDARY");
    assertThat(view.get("injuries").valueStream().map(i -> i.get("conditionCode").isNull())).containsOnly(true);

    assertThat(as("admin").get("/api/v1/admin/dead-letters").json().get("deadLetters").valueStream()
        .filter(d -> d.get("caseId").asString().equals(c.caseId()))).as("nothing of the case is parked").isEmpty();
    assertThat(jdbc.queryForObject("SELECT classification FROM outcome_secondary WHERE case_id = ?::uuid AND valid_to IS NULL",
        String.class, c.caseId())).isEqualTo("CLEARED_AFTER_PRIMARY_TREATMENT");

    JsonNode caseload = clinician.get("/api/v1/cases?status=CLOSED&size=100").json().get("items");
    assertThat(caseload.valueStream().filter(item -> item.get("caseId").asString().equals(c.caseId()))).hasSize(1);
    JsonNode outcomes = as("owner").get("/api/v1/dashboards/outcomes?clinicId=" + north).json();
    assertThat(outcomes.get("byChain").valueStream()
        .anyMatch(chain -> chain.get("primaryConditionCode").isNull() && chain.get("secondaryConditionCode").isNull()))
        .as("the dashboard counts the chain of two unnamed conditions").isTrue();

    WebSession page = WebSession.signIn(port, "clinician.north", PASSWORD);
    Response casePage = page.get("/cases/" + c.caseId());
    assertThat(casePage.status()).isEqualTo(200);
    assertThat(casePage.body()).contains("Primary: Calf (left) → secondary: Knee (right)");
    assertThat(page.get("/cases?status=CLOSED").status()).isEqualTo(200);
  }
}
