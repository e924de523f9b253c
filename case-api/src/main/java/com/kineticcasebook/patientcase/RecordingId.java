package com.kineticcasebook.patientcase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a gait recording; stored and sent as a bare UUID string. */
public record RecordingId(@JsonValue UUID value) {

  public RecordingId {
    Objects.requireNonNull(value, "recordingId");
  }

  @JsonCreator
  public static RecordingId of(String value) {
    return new RecordingId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
