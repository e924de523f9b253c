package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a case; stored and sent as a bare UUID string. */
public record CaseId(@JsonValue UUID value) {

  public CaseId {
    Objects.requireNonNull(value, "caseId");
  }

  @JsonCreator
  public static CaseId of(String value) {
    return new CaseId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
