package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a user; stored and sent as a bare UUID string so the JSON never nests ids. */
public record UserId(UUID value) {

  public UserId {
    Objects.requireNonNull(value, "UserId needs a UUID");
  }

  /** Parses the canonical UUID form ({@link CanonicalUuid}); anything else is an {@link IllegalArgumentException}. */
  @JsonCreator
  public static UserId of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("UserId needs a UUID string");
    }
    return new UserId(CanonicalUuid.parse(value));
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
