package com.kineticcasebook.audit;

import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.eventstore.CaseIntegrity;
import com.kineticcasebook.eventstore.StoreIntegrity;
import com.kineticcasebook.integrity.EventHashChain;
import com.kineticcasebook.pages.PageController;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's pages: find a case, then its history as recorded with the chain's verification,
 * and the case as it stood at any instant. Read-only; the access log records every visit.
 */
@PageController
class AuditPageController {

  private static final int RECENT_CASES = 25;

  private final CaseHistory history;
  private final CaseIntegrity integrity;
  private final UserDirectory users;

  AuditPageController(CaseHistory history, CaseIntegrity integrity, UserDirectory users) {
    this.history = history;
    this.integrity = integrity;
    this.users = users;
  }

  /** A case found by its clinic and patient reference, its clinic named. */
  record Match(UUID caseId, String clinic, String patientRef, String openedOn, String status) {}

  @GetMapping("/audit")
  String find(@RequestParam(required = false) String caseId, @RequestParam(required = false) String clinicId,
      @RequestParam(required = false) String patientRef, Model model) {
    Map<UUID, String> clinics = users.clinics().stream()
        .collect(Collectors.toMap(UserDirectory.Clinic::clinicId, UserDirectory.Clinic::name));
    model.addAttribute("clinics", users.clinics());
    Map<String, String> errors = new LinkedHashMap<>();
    if (caseId != null) {
      Optional<UUID> id = AuditPages.uuid(caseId.strip());
      if (id.isPresent() && !history.events(id.get()).isEmpty()) {
        return "redirect:/audit/cases/" + id.get();
      }
      model.addAttribute("caseId", caseId);
      errors.put("caseId", id.isEmpty() ? AuditPages.NOT_A_CASE_ID : "No case with this id has been recorded.");
    }
    if (clinicId != null || patientRef != null) {
      findByPatient(clinicId, patientRef, clinics, errors, model);
    }
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
    }
    model.addAttribute("recent", AuditPages.recent(history.recentlyChanged(RECENT_CASES), clinics));
    return "audit/find";
  }

  private void findByPatient(String clinicId, String patientRef, Map<UUID, String> clinics, Map<String, String> errors,
      Model model) {
    model.addAttribute("clinicId", clinicId);
    model.addAttribute("patientRef", patientRef);
    Optional<UUID> clinic = AuditPages.uuid(clinicId == null ? null : clinicId.strip()).filter(clinics::containsKey);
    if (clinic.isEmpty()) {
      errors.put("clinicId", "Choose the clinic that opened the case.");
    }
    String reference = patientRef == null ? "" : patientRef.strip();
    if (reference.isEmpty()) {
      errors.put("patientRef", "Enter the patient reference, for example N-1042.");
    } else if (reference.length() > AuditPages.PATIENT_REF_MAX) {
      errors.put("patientRef", "A patient reference has at most " + AuditPages.PATIENT_REF_MAX + " characters.");
    }
    if (clinic.isPresent() && errors.get("patientRef") == null) {
      model.addAttribute("matches", history.casesOf(clinic.get(), reference).stream()
          .map(c -> new Match(c.caseId().value(), clinics.get(c.clinicId().value()), c.patientRef(),
              c.openedOn() == null ? "—" : c.openedOn().toString(), AuditPages.label(c.status().name())))
          .toList());
      model.addAttribute("searchedClinic", clinics.get(clinic.get()));
      model.addAttribute("searchedRef", reference);
    }
  }

  @GetMapping("/audit/cases/{caseId}")
  String caseHistory(@PathVariable UUID caseId, @RequestParam(required = false) String asOf, Model model) {
    List<CaseHistory.RecordedEvent> events = history.events(caseId);
    if (events.isEmpty()) {
      throw new ApiException(Problems.notFound("case"));
    }
    StoreIntegrity.Verification verification = integrity.verify(caseId.toString())
        .orElseThrow(() -> new ApiException(Problems.notFound("case")));
    Set<UUID> people = new HashSet<>();
    events.forEach(e -> AuditPages.uuid(e.userId()).ifPresent(people::add));
    model.addAttribute("caseId", caseId);
    model.addAttribute("opened", events.get(0).payload());
    model.addAttribute("verification", verification);
    events.forEach(e -> {
      var assigned = e.payload().get("assignedClinicianId");
      if (assigned != null && !assigned.isNull()) {
        AuditPages.uuid(assigned.asString()).ifPresent(people::add);
      }
    });
    Map<UUID, String> clinics = users.clinics().stream()
        .collect(Collectors.toMap(UserDirectory.Clinic::clinicId, UserDirectory.Clinic::name));
    model.addAttribute("events", AuditPages.rows(events, users.usernames(people), clinics,
        verification.firstBrokenEventId()));
    model.addAttribute("asOf", asOf);
    if (asOf != null && !asOf.isBlank()) {
      Optional<Instant> instant = AuditPages.parseInstant(asOf.strip());
      if (instant.isEmpty()) {
        model.addAttribute("errors", Map.of("asOf", "Enter a date and time, for example 2026-03-14T09:30."));
      } else {
        model.addAttribute("asOfInput", AuditPages.inputValue(instant.get()));
        model.addAttribute("asOfShown", AuditPages.shown(instant.get()));
        model.addAttribute("state", history.stateAsOf(caseId, instant.get()).map(AuditPages::asOf).orElse(null));
      }
    }
    return "audit/case";
  }
}
