package com.kineticcasebook.patientcase;

import java.util.regex.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attaches a stored video to a gait recording of the case. */
public record AttachGaitVideo(@TargetAggregateIdentifier CaseId caseId, RecordingId recordingId, GaitVideo video) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public AttachGaitVideo {
    Violations check = Violations.check()
        .required("caseId", caseId)
        .required("recordingId", recordingId)
        .required("video", video);
    if (video != null) {
      check.matches("video.sha256", video.sha256(), SHA256, "must be a lowercase hex SHA-256")
          .required("video.contentType", video.contentType())
          .that("video.sizeBytes", video.sizeBytes(), size -> size > 0, "must be positive");
    }
    check.throwIfAny();
  }
}
