package com.kineticcasebook.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * An administrator manages accounts; clinicians, practice owners and auditors work with clinical
 * records. One account never does both: otherwise an administrator could hand themselves a
 * clinician's access without break-glass. The same rule is a constraint trigger on PostgreSQL
 * ({@code V2026_12_02_32}), and an account that holds both anyway is given no role at all when it
 * signs in ({@link UserDirectory}).
 */
public final class SeparationOfDuties {

  /** The roles that reach clinical records or audit them. */
  public static final Set<Role> CLINICAL_OR_AUDIT = EnumSet.of(Role.CLINICIAN, Role.PRACTICE_OWNER, Role.AUDITOR);

  public static final String ADMIN_WITH_CLINICAL_ROLE =
      "An administrator cannot also be a clinician, practice owner or auditor: give that work a separate account.";
  public static final String ADMIN_IN_CLINIC =
      "An administrator account cannot work in or own a clinic: give clinical work a separate account.";
  public static final String OWN_ACCOUNT =
      "You cannot change your own roles, clinics or sign-in: another administrator has to.";

  private SeparationOfDuties() {}

  /** Why these roles cannot be held together, or empty when they can. */
  public static Optional<String> problemWith(Set<Role> roles) {
    return roles.contains(Role.ADMIN) && roles.stream().anyMatch(CLINICAL_OR_AUDIT::contains)
        ? Optional.of(ADMIN_WITH_CLINICAL_ROLE) : Optional.empty();
  }

  /** Why an account with these roles cannot hold a clinic membership or ownership, or empty. */
  public static Optional<String> problemWithClinics(Set<Role> roles) {
    return roles.contains(Role.ADMIN) ? Optional.of(ADMIN_IN_CLINIC) : Optional.empty();
  }

  /**
   * A change the separation of duties refuses, whoever asked for it.
   *
   * @param field the form field the refusal belongs next to: roles, clinicId or enabled
   */
  public static final class Refused extends RuntimeException {

    private final String field;

    Refused(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }
}
