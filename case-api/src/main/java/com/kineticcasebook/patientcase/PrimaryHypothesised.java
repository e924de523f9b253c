package com.kineticcasebook.patientcase;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The clinician hypothesised which injury is primary and which followed from it. It supersedes any
 * earlier hypothesis of the case, unless it is itself marked in error.
 */
@Revision("1")
public record PrimaryHypothesised(
    CaseId caseId, InjuryId primaryInjuryId, List<InjuryId> secondaryInjuryIds, String rationale,
    List<RecordingId> evidenceRecordingIds) {}
