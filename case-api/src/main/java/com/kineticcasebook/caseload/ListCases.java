package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.ClinicId;
import java.util.Set;
import java.util.UUID;

/**
 * A page of the cases of the given clinics.
 *
 * @param status only cases in this status, or all when null
 * @param search only cases matching every term of this text: words the reference data knows (body
 *     regions, sides with regions, conditions: "left calf", "knee", "plantar") match the case's
 *     injuries, other words the start of the patient reference (case-insensitive); all when null
 *     or blank
 * @param clinicianId only the cases this clinician is assigned to or has recorded an entry on, or
 *     all when null ("My cases")
 * @param sort the column to order by; null for the caseload's usual order, newest opened first
 * @param descending whether the column is ordered descending; the case id breaks ties, ascending
 * @param page zero-based page number
 */
public record ListCases(Set<ClinicId> clinicIds, CaseStatus status, String search, UUID clinicianId,
    CaseloadSort sort, boolean descending, int page, int size) {
  public ListCases {
    clinicIds = Set.copyOf(clinicIds);
    search = search == null || search.isBlank() ? null : search.strip();
    if (sort == null) {
      sort = CaseloadSort.OPENED_ON;
      descending = true;
    }
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page must be >= 0 and size >= 1");
    }
  }

  public ListCases(Set<ClinicId> clinicIds, CaseStatus status, String search, int page, int size) {
    this(clinicIds, status, search, null, null, true, page, size);
  }

  public ListCases(Set<ClinicId> clinicIds, CaseStatus status, int page, int size) {
    this(clinicIds, status, null, page, size);
  }
}
