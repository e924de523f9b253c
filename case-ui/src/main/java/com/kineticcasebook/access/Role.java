package com.kineticcasebook.access;

/** What a user may do; the access rules per role are in docs/security.md. */
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
