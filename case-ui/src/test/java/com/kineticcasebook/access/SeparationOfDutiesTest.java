package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeparationOfDutiesTest {

  @Test
  void anAdministratorHoldsNoClinicalOrAuditRole() {
    for (Role other : SeparationOfDuties.CLINICAL_OR_AUDIT) {
      assertThat(SeparationOfDuties.problemWith(Set.of(Role.ADMIN, other))).as(other.name())
          .contains(SeparationOfDuties.ADMIN_WITH_CLINICAL_ROLE);
    }
    assertThat(SeparationOfDuties.problemWith(EnumSet.allOf(Role.class))).isPresent();
  }

  @Test
  void everyOtherCombinationIsAllowed() {
    assertThat(SeparationOfDuties.problemWith(Set.of(Role.ADMIN))).isEmpty();
    assertThat(SeparationOfDuties.problemWith(EnumSet.complementOf(EnumSet.of(Role.ADMIN)))).isEmpty();
    assertThat(SeparationOfDuties.problemWith(Set.of())).isEmpty();
  }

  @Test
  void onlyAnAdministratorIsKeptOutOfClinics() {
    assertThat(SeparationOfDuties.problemWithClinics(Set.of(Role.ADMIN))).contains(SeparationOfDuties.ADMIN_IN_CLINIC);
    assertThat(SeparationOfDuties.problemWithClinics(Set.of(Role.CLINICIAN, Role.PRACTICE_OWNER))).isEmpty();
  }

  @Test
  void anAccountHoldingBothGetsNoRoleAndNoClinic() {
    UUID clinic = UUID.randomUUID();
    CasebookUser loaded = UserDirectory.grantable(new CasebookUser(UUID.randomUUID(), "both", "hash", true,
        Set.of(Role.ADMIN, Role.CLINICIAN), Set.of(clinic), Set.of(clinic)));
    assertThat(loaded.roles()).isEmpty();
    assertThat(loaded.memberOf()).isEmpty();
    assertThat(loaded.owns()).isEmpty();
  }

  @Test
  void aMembershipCountsOnlyThroughTheRoleItBelongsTo() {
    UUID clinic = UUID.randomUUID();
    CasebookUser admin = UserDirectory.grantable(new CasebookUser(UUID.randomUUID(), "admin", "hash", true,
        Set.of(Role.ADMIN), Set.of(clinic), Set.of(clinic)));
    assertThat(admin.roles()).containsExactly(Role.ADMIN);
    assertThat(admin.worksIn(clinic)).isFalse();
    assertThat(admin.owns()).isEmpty();

    CasebookUser clinician = UserDirectory.grantable(new CasebookUser(UUID.randomUUID(), "c", "hash", true,
        Set.of(Role.CLINICIAN), Set.of(clinic), Set.of(clinic)));
    assertThat(clinician.worksIn(clinic)).isTrue();
    assertThat(clinician.owns()).isEmpty();

    CasebookUser owner = UserDirectory.grantable(new CasebookUser(UUID.randomUUID(), "o", "hash", true,
        Set.of(Role.PRACTICE_OWNER), Set.of(clinic), Set.of(clinic)));
    assertThat(owner.memberOf()).isEmpty();
    assertThat(owner.owns()).containsExactly(clinic);
  }
}
