package com.kineticcasebook.patientcase;

import org.axonframework.serialization.Revision;

/** A stored video was attached to a gait recording; a later attachment to the same recording replaces it. */
@Revision("1")
public record GaitVideoAttached(CaseId caseId, RecordingId recordingId, GaitVideo video) {}
