package com.kineticcasebook.patientcase;

import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * States the clinician's hypothesis: which injury is primary and which are secondaries caused
 * by compensating for it. A later hypothesis supersedes this one; both stay in the history.
 */
public record HypothesisePrimary(
    @TargetAggregateIdentifier CaseId caseId, InjuryId primaryInjuryId, List<InjuryId> secondaryInjuryIds,
    String rationale, List<RecordingId> evidenceRecordingIds) {

  public HypothesisePrimary {
    Violations check = Violations.check()
        .required("caseId", caseId)
        .required("primaryInjuryId", primaryInjuryId)
        .required("secondaryInjuryIds", secondaryInjuryIds)
        .text("rationale", rationale, 4000)
        .distinct("secondaryInjuryIds", secondaryInjuryIds)
        .distinct("evidenceRecordingIds", evidenceRecordingIds);
    if (secondaryInjuryIds != null) {
      if (secondaryInjuryIds.isEmpty()) {
        check.add("secondaryInjuryIds", "must name at least one secondary injury");
      }
      for (int i = 0; i < secondaryInjuryIds.size(); i++) {
        if (secondaryInjuryIds.get(i) == null) {
          check.add("secondaryInjuryIds[" + i + "]", "is required");
        } else if (secondaryInjuryIds.get(i).equals(primaryInjuryId)) {
          check.add("secondaryInjuryIds[" + i + "]", "is the primary injury");
        }
      }
    }
    if (evidenceRecordingIds != null && evidenceRecordingIds.stream().anyMatch(Objects::isNull)) {
      check.add("evidenceRecordingIds", "must not contain null");
    }
    check.throwIfAny();
    secondaryInjuryIds = List.copyOf(secondaryInjuryIds);
    evidenceRecordingIds = evidenceRecordingIds == null ? List.of() : List.copyOf(evidenceRecordingIds);
  }
}
