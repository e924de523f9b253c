package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a treatment; stored and sent as a bare UUID string. */
public record TreatmentId(@JsonValue UUID value) {

  public TreatmentId {
    Objects.requireNonNull(value, "treatmentId");
  }

  @JsonCreator
  public static TreatmentId of(String value) {
    return new TreatmentId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
