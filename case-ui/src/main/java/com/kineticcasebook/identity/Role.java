package com.kineticcasebook.identity;

/** What a user may do; see the role table in DESIGN.md. */
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
