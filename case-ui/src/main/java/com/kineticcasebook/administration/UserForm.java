package com.kineticcasebook.administration;

import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.SeparationOfDuties;
import com.kineticcasebook.access.UserDirectory.Relation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A new user as the administrator typed it, with an optional first clinic membership.
 *
 * @param clinicId empty when the user belongs to no clinic yet (auditors), or never will (administrators)
 */
record UserForm(String username, String password, Set<Role> roles, UUID clinicId, Relation relation) {

  /** The same minimum as the first administrator's password. */
  static final int MIN_PASSWORD_LENGTH = 12;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,99}");

  UserForm {
    username = username == null ? "" : username.strip();
    password = password == null ? "" : password;
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  static UserForm empty() {
    return new UserForm("", "", Set.of(), null, Relation.MEMBER);
  }

  /** Field name to message, empty when the form can be saved. */
  Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!USERNAME.matcher(username).matches()) {
      errors.put("username", "Use 3 to 100 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.");
    }
    if (password.length() < MIN_PASSWORD_LENGTH) {
      errors.put("password", "Use at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
    if (roles.isEmpty()) {
      errors.put("roles", "Choose at least one role.");
    }
    SeparationOfDuties.problemWith(roles).ifPresent(problem -> errors.put("roles", problem));
    if (clinicId != null) {
      SeparationOfDuties.problemWithClinics(roles).ifPresent(problem -> errors.put("clinicId", problem));
    }
    if (clinicId != null && relation == null) {
      errors.put("relation", "Choose whether the user works in or owns the clinic.");
    }
    return errors;
  }
}
