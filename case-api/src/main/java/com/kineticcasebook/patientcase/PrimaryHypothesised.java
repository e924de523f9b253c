package com.kineticcasebook.patientcase;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The clinician hypothesised which injury is primary and which are its secondaries; supersedes any earlier hypothesis. */
@Revision("1")
public record PrimaryHypothesised(CaseId caseId, InjuryId primaryInjuryId, List<InjuryId> secondaryInjuryIds, String rationale, List<RecordingId> evidenceRecordingIds) {}
