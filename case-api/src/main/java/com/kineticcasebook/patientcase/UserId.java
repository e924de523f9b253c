package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a user; stored and sent as a bare UUID string. */
public record UserId(@JsonValue UUID value) {

  public UserId {
    Objects.requireNonNull(value, "userId");
  }

  @JsonCreator
  public static UserId of(String value) {
    return new UserId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
