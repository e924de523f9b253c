package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.ClinicId;
import java.util.Set;

/**
 * A page of the cases of the given clinics, newest first.
 *
 * @param status only cases in this status, or all when null
 * @param search only cases whose patient reference contains this text, or with an injury whose
 *     condition's name or code contains it (case-insensitive); all when null or blank
 * @param page zero-based page number
 */
public record ListCases(Set<ClinicId> clinicIds, CaseStatus status, String search, int page, int size) {
  public ListCases {
    clinicIds = Set.copyOf(clinicIds);
    search = search == null || search.isBlank() ? null : search.strip();
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page must be >= 0 and size >= 1");
    }
  }

  public ListCases(Set<ClinicId> clinicIds, CaseStatus status, int page, int size) {
    this(clinicIds, status, null, page, size);
  }
}
