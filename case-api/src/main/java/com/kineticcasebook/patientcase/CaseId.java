package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a patient case; stored and sent as a bare UUID string so the JSON never nests ids. */
public record CaseId(UUID value) {

  public CaseId {
    Objects.requireNonNull(value, "CaseId needs a UUID");
  }

  /** Parses the canonical UUID form ({@link CanonicalUuid}); anything else is an {@link IllegalArgumentException}. */
  @JsonCreator
  public static CaseId of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("CaseId needs a UUID string");
    }
    return new CaseId(CanonicalUuid.parse(value));
  }

  @JsonValue
  @Override
  public UUID value() {
    return value;
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
