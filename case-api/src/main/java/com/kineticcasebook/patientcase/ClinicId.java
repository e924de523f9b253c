package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a clinic; stored and sent as a bare UUID string so the JSON never nests ids. */
public record ClinicId(UUID value) {

  public ClinicId {
    Objects.requireNonNull(value, "ClinicId needs a UUID");
  }

  /** Parses the canonical UUID form ({@link CanonicalUuid}); anything else is an {@link IllegalArgumentException}. */
  @JsonCreator
  public static ClinicId of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("ClinicId needs a UUID string");
    }
    return new ClinicId(CanonicalUuid.parse(value));
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
