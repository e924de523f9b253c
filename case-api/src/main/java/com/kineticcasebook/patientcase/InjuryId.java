package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies an injury of a case; stored and sent as a bare UUID string so the JSON never nests ids. */
public record InjuryId(UUID value) {

  public InjuryId {
    Objects.requireNonNull(value, "InjuryId needs a UUID");
  }

  /** Parses the canonical UUID form ({@link CanonicalUuid}); anything else is an {@link IllegalArgumentException}. */
  @JsonCreator
  public static InjuryId of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("InjuryId needs a UUID string");
    }
    return new InjuryId(CanonicalUuid.parse(value));
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
