package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a treatment of a case; stored and sent as a bare UUID string so the JSON never nests ids. */
public record TreatmentId(UUID value) {

  public TreatmentId {
    Objects.requireNonNull(value, "TreatmentId needs a UUID");
  }

  /** Parses the canonical UUID form ({@link CanonicalUuid}); anything else is an {@link IllegalArgumentException}. */
  @JsonCreator
  public static TreatmentId of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("TreatmentId needs a UUID string");
    }
    return new TreatmentId(CanonicalUuid.parse(value));
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
