package com.kineticcasebook.casework;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the case endpoints, exactly as the JSON API (docs/api.md) names their fields. Every field is
 * nullable here: the commands built from them report every missing or invalid field at once.
 */
final class CaseRequests {

  private CaseRequests() {}

  /** {@code openAnotherCase}: true opens the case even when the patient already has an open case in the clinic. */
  record OpenCaseRequest(UUID clinicId, String patientRef, LocalDate openedOn, Boolean openAnotherCase) {}

  record ReportInjuryRequest(
      BodyRegion bodyRegion, Side side, String conditionCode, String description, LocalDate onsetOn,
      Integer painScore) {}

  record GaitFindingsRequest(
      Boolean antalgic, Double stanceAsymmetryPct, Integer pushOffDelayMs, Side hipHikeSide, Double trunkLeanCm,
      Integer cadenceSpm) {}

  record GaitRecordingRequest(LocalDate filmedOn, GaitView view, RunningSurface surface, GaitFindingsRequest findings) {}

  /** {@code hypothesisedOn} may be left out: it is then today, in the clinics' zone. */
  record HypothesisRequest(
      UUID primaryInjuryId, List<UUID> secondaryInjuryIds, String rationale, List<UUID> evidenceRecordingIds,
      LocalDate hypothesisedOn) {}

  record TreatmentRequest(UUID targetInjuryId, TreatmentModality modality, String plan, LocalDate startedOn) {}

  record OutcomeMeasureRequest(UUID injuryId, OutcomeInstrument instrument, Double score, LocalDate measuredOn) {}

  record ResolutionRequest(LocalDate resolvedOn, String note) {}

  record EntryInErrorRequest(String eventId, String reason) {}

  /** {@code closeOpenInjuriesAsUnresolved}: true closes a case whose open injuries then stay unresolved at closure. */
  record ClosureRequest(LocalDate closedOn, String reason, Boolean closeOpenInjuriesAsUnresolved) {}

  record VisitRequest(
      LocalDate visitedOn, String note, List<VisitMeasureRequest> outcomeMeasures,
      List<VisitTreatmentRequest> treatments, List<VisitResolutionRequest> resolutions) {}

  record VisitMeasureRequest(UUID injuryId, OutcomeInstrument instrument, Double score) {}

  record VisitTreatmentRequest(UUID targetInjuryId, TreatmentModality modality, String plan) {}

  record VisitResolutionRequest(UUID injuryId, String note) {}

  record ReopeningRequest(LocalDate reopenedOn, String reason) {}
}
