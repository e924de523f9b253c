package com.kineticcasebook.patientcase;

/** Everything a clinician can ask of a case: a closed set, each handled by {@link PatientCase}. */
public sealed interface CaseCommand permits OpenCase, ReportInjury, RecordGaitFilming, AttachGaitVideo,
    HypothesisePrimary, StartTreatment, RecordOutcomeMeasure, ResolveInjury, MarkEnteredInError, CloseCase,
    ReopenCase, RecordVisit {

  CaseId caseId();
}
