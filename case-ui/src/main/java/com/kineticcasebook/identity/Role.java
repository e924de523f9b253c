package com.kineticcasebook.identity;

/** What a user may do; docs/domain.md and docs/security.md say what each role may and may not. */
public enum Role {
  CLINICIAN,
  PRACTICE_OWNER,
  AUDITOR,
  ADMIN;

  /** The Spring Security authority for this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
