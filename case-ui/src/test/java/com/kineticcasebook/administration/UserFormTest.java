package com.kineticcasebook.administration;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.UserDirectory.Relation;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserFormTest {

  @Test
  void aCompleteFormHasNoErrors() {
    assertThat(new UserForm(" jane.doe ", "twelve-chars", Set.of(Role.CLINICIAN), UUID.randomUUID(), Relation.MEMBER)
        .errors()).isEmpty();
  }

  @Test
  void eachMissingOrWrongFieldHasItsMessage() {
    var errors = new UserForm("J", "short", Set.of(), UUID.randomUUID(), null).errors();
    assertThat(errors).containsOnlyKeys("username", "password", "roles", "relation");
    assertThat(errors.get("password")).isEqualTo("Use at least 12 characters.");
  }

  @Test
  void anAdministratorWithAClinicalOrAuditRoleIsRefusedAtTheRoles() {
    var errors = new UserForm("both.roles", "twelve-chars", Set.of(Role.ADMIN, Role.CLINICIAN), null, null).errors();
    assertThat(errors).containsOnlyKeys("roles");
    assertThat(errors.get("roles")).contains("separate account");
  }

  @Test
  void anAdministratorInAClinicIsRefusedAtTheClinic() {
    var errors = new UserForm("admin.two", "twelve-chars", Set.of(Role.ADMIN), UUID.randomUUID(), Relation.MEMBER)
        .errors();
    assertThat(errors).containsOnlyKeys("clinicId");
  }
}
