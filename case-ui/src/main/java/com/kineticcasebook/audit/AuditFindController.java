package com.kineticcasebook.audit;

import com.kineticcasebook.caseload.FindCasesOfPatient;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finds a clinic's cases of a patient for an auditor who was given a clinic and a patient's
 * reference rather than a case id. The reference is compared without regard to letter case.
 */
@RestController
class AuditFindController {

  private final CaseHistory history;

  AuditFindController(CaseHistory history) {
    this.history = history;
  }

  @GetMapping("/api/v1/audit/cases")
  Map<String, List<FindCasesOfPatient.CaseFound>> findCases(@RequestParam(required = false) String clinicId,
      @RequestParam(required = false) String patientRef) {
    List<Problems.FieldError> errors = new ArrayList<>();
    Optional<UUID> clinic = AuditPages.uuid(clinicId == null ? null : clinicId.strip());
    if (clinicId == null || clinicId.isBlank()) {
      errors.add(new Problems.FieldError("clinicId", "is required"));
    } else if (clinic.isEmpty()) {
      errors.add(new Problems.FieldError("clinicId", "has the wrong format"));
    }
    if (patientRef == null || patientRef.isBlank()) {
      errors.add(new Problems.FieldError("patientRef", "is required"));
    } else if (patientRef.strip().length() > AuditPages.PATIENT_REF_MAX) {
      errors.add(new Problems.FieldError("patientRef", "must be at most " + AuditPages.PATIENT_REF_MAX + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(Problems.validation(errors));
    }
    return Map.of("cases", history.casesOf(clinic.get(), patientRef.strip()));
  }
}
