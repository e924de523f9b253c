package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a injury; stored and sent as a bare UUID string. */
public record InjuryId(@JsonValue UUID value) {

  public InjuryId {
    Objects.requireNonNull(value, "injuryId");
  }

  @JsonCreator
  public static InjuryId of(String value) {
    return new InjuryId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
