package com.kineticcasebook.administration;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.identity.Role;
import com.kineticcasebook.identity.UserDirectory.Relation;
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
}
