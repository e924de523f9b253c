package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a clinic; stored and sent as a bare UUID string. */
public record ClinicId(@JsonValue UUID value) {

  public ClinicId {
    Objects.requireNonNull(value, "clinicId");
  }

  @JsonCreator
  public static ClinicId of(String value) {
    return new ClinicId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
