package com.kineticcasebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.audit.AdministrationLogPageController.Change;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AdministrationLogPageTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void onlyTheFieldsThatChangedAreShownWithRolesAndClinicsInWords() {
    var before = json.readTree("""
        {"username":"jane","enabled":true,"roles":["AUDITOR"],"memberships":[]}""");
    var after = json.readTree("""
        {"username":"jane","enabled":true,"roles":["CLINICIAN","PRACTICE_OWNER"],
         "memberships":[{"clinicId":"x","clinicName":"North","relation":"MEMBER"},
                        {"clinicId":"y","clinicName":"South","relation":"OWNER"}]}""");
    assertThat(AdministrationLogPageController.changes(before, after)).containsExactly(
        new Change("Roles", "Auditor", "Clinician, Practice owner"),
        new Change("Memberships", "none", "works in North, owns South"));
  }

  @Test
  void aCreationShowsEveryFieldAgainstNothing() {
    var after = json.readTree("{\"name\":\"East\"}");
    assertThat(AdministrationLogPageController.changes(null, after)).containsExactly(new Change("Name", "—", "East"));
    assertThat(AdministrationLogPageController.changes(null, null)).isEmpty();
  }
}
