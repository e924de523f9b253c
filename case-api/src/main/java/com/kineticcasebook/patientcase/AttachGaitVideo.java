package com.kineticcasebook.patientcase;

import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attaches a stored video to a gait recording of the case; a later attachment replaces it. */
public record AttachGaitVideo(@TargetAggregateIdentifier CaseId caseId, RecordingId recordingId, GaitVideo video) implements CaseCommand {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern MEDIA_TYPE = Pattern.compile("video/[a-z0-9.+-]+");

  @Override
  public List<FieldViolation> violations() {
    Violations check = Violations.check()
        .required("caseId", caseId)
        .required("recordingId", recordingId)
        .required("video", video);
    if (video != null) {
      check.required("video.sha256", video.sha256())
          .matches("video.sha256", video.sha256(), SHA256, "must be a lowercase hex SHA-256")
          .required("video.contentType", video.contentType())
          .matches("video.contentType", video.contentType(), MEDIA_TYPE, "must be a video media type")
          .that("video.sizeBytes", video.sizeBytes(), size -> size > 0, "must be positive");
    }
    return check.found();
  }
}
