package com.kineticcasebook.patientcase;

/**
 * A case was to be opened for a patient who already has an open case in the clinic, and the
 * clinician did not ask for another: a second open case splits the patient's history, so nothing
 * was recorded. Unlike the rules of one case this is decided across cases, in the transaction that
 * would open the new one.
 */
public class PatientHasOpenCase extends RuntimeException {

  private final CaseId existingCaseId;

  public PatientHasOpenCase(CaseId existingCaseId) {
    // An expected outcome of a request, not a fault; the message names no patient.
    super("The patient already has an open case in the clinic.", null, false, false);
    this.existingCaseId = existingCaseId;
  }

  public CaseId existingCaseId() {
    return existingCaseId;
  }
}
