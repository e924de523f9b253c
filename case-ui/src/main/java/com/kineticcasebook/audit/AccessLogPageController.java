package com.kineticcasebook.audit;

import com.kineticcasebook.access.AccessLog;
import com.kineticcasebook.pages.PageController;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The access log page for auditors: who read or changed a case, newest first. */
@PageController
class AccessLogPageController {

  private static final int SHOWN = 200;

  /** One access as the page shows it. */
  record Row(String at, String atInstant, String who, String roles, String action, UUID caseId, String outcome,
      int status, String breakGlassReason, String correlationId) {}

  private final AccessLog accessLog;

  AccessLogPageController(AccessLog accessLog) {
    this.accessLog = accessLog;
  }

  @GetMapping("/audit/access-log")
  String accessLog(@RequestParam(required = false) String caseId, Model model) {
    UUID filter = null;
    if (caseId != null && !caseId.isBlank()) {
      Optional<UUID> parsed = AuditPages.uuid(caseId.strip());
      if (parsed.isEmpty()) {
        model.addAttribute("errors", Map.of("caseId", AuditPages.NOT_A_CASE_ID));
        model.addAttribute("caseId", caseId);
        model.addAttribute("entries", List.of());
        return "audit/access-log";
      }
      filter = parsed.get();
    }
    model.addAttribute("caseId", filter == null ? null : filter.toString());
    model.addAttribute("entries", accessLog.find(filter, null, null, null, 0, SHOWN).stream()
        .map(e -> new Row(AuditPages.shown(e.at()), e.at().toString(), e.username() == null ? "Not signed in" : e.username(),
            e.roles() == null ? "—" : e.roles().replace(",", ", "), e.action(), e.caseId(), e.outcome().name(),
            e.status(), e.breakGlass() ? e.reason() : null, e.correlationId()))
        .toList());
    model.addAttribute("limit", SHOWN);
    return "audit/access-log";
  }
}
