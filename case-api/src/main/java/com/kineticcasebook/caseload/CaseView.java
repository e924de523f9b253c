package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.GaitFindings;
import com.kineticcasebook.patientcase.GaitVideo;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case as a clinician sees it: entries marked in error are left out, injuries carry their role
 * under the current (latest live) hypothesis, and the hypothesis history is kept.
 */
public record CaseView(
    UUID caseId, UUID clinicId, String patientRef, CaseStatus status, LocalDate openedOn, LocalDate closedOn,
    UUID assignedClinicianId, UUID primaryInjuryId, int openInjuries, List<Injury> injuries,
    List<Treatment> treatments, List<GaitRecording> gaitRecordings, List<Hypothesis> hypotheses,
    List<OutcomeMeasure> outcomeMeasures, long version) {

  /** Where an injury stands under the current hypothesis. */
  public enum Role { PRIMARY, SECONDARY, UNCLASSIFIED }

  public enum InjuryStatus { OPEN, RESOLVED }

  public record Injury(UUID injuryId, BodyRegion bodyRegion, Side side, String conditionCode, String description,
      int painScore, Role role, InjuryStatus status, LocalDate onsetOn, LocalDate resolvedOn) {}

  public record Treatment(UUID treatmentId, UUID targetInjuryId, TreatmentModality modality, String plan,
      LocalDate startedOn) {}

  public record GaitRecording(UUID recordingId, LocalDate filmedOn, GaitView view, RunningSurface surface,
      GaitFindings findings, GaitVideo video) {}

  /** A hypothesis as recorded; {@code current} for the latest one not marked in error. */
  public record Hypothesis(String eventId, UUID primaryInjuryId, List<UUID> secondaryInjuryIds, String rationale,
      List<UUID> evidenceRecordingIds, Instant recordedAt, boolean current, boolean enteredInError,
      LocalDate hypothesisedOn) {}

  public record OutcomeMeasure(String eventId, UUID injuryId, OutcomeInstrument instrument, double score,
      LocalDate measuredOn) {}
}
