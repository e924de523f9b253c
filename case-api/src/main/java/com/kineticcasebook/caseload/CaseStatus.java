package com.kineticcasebook.caseload;

/** Whether clinical events may be recorded on a case. */
public enum CaseStatus {
  OPEN,
  CLOSED
}
