package com.kineticcasebook.patientcase;

import java.util.List;

/** Everything a clinician can ask of a case: a closed set, each handled by {@link PatientCase}. */
public sealed interface CaseCommand permits OpenCase, ReportInjury, RecordGaitFilming, AttachGaitVideo,
    HypothesisePrimary, StartTreatment, RecordOutcomeMeasure, ResolveInjury, MarkEnteredInError, CloseCase,
    ReopenCase, RecordVisit {

  CaseId caseId();

  /**
   * What is wrong with the command without looking at the case, every field at once; empty when
   * nothing is. A command is built even with invalid fields, so that the case, which starts from
   * these and adds what its state forbids, refuses it once with both: a clinician who typed a score
   * of 11 and a date before the case opened learns of both from one answer.
   */
  List<FieldViolation> violations();
}
