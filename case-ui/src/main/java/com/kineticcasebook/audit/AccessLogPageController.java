package com.kineticcasebook.audit;

import com.kineticcasebook.access.AccessLog;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.pages.PageController;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The access log page for auditors: who read or changed a case, newest first, filtered by a case,
 * a user (username or id) and days in UTC; the filter stays in the address.
 */
@PageController
class AccessLogPageController {

  private static final int SHOWN = 200;

  /** One access as the page shows it. */
  record Row(String at, String atInstant, String who, String roles, String action, UUID caseId, String outcome,
      int status, String breakGlassReason, String correlationId) {}

  private final AccessLog accessLog;
  private final UserDirectory users;

  AccessLogPageController(AccessLog accessLog, UserDirectory users) {
    this.accessLog = accessLog;
    this.users = users;
  }

  @GetMapping("/audit/access-log")
  String accessLog(@RequestParam(required = false) String caseId, @RequestParam(required = false) String user,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    UUID caseFilter = null;
    if (caseId != null && !caseId.isBlank()) {
      Optional<UUID> parsed = AuditPages.uuid(caseId.strip());
      if (parsed.isEmpty()) {
        errors.put("caseId", AuditPages.NOT_A_CASE_ID);
      } else {
        caseFilter = parsed.get();
      }
    }
    AuditPages.LogFilter filter = AuditPages.LogFilter.read(user, from, to, users, errors);
    model.addAttribute("caseId", caseFilter != null ? caseFilter.toString()
        : caseId == null || caseId.isBlank() ? null : caseId);
    model.addAttribute("user", user);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("limit", SHOWN);
    model.addAttribute("filtered", false);
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
      model.addAttribute("entries", List.of());
      return "audit/access-log";
    }
    model.addAttribute("filtered", caseFilter != null || filter.any());
    model.addAttribute("entries", accessLog.find(caseFilter, filter.userId(), filter.start(), filter.end(), 0, SHOWN).stream()
        .map(e -> new Row(AuditPages.shown(e.at()), e.at().toString(), e.username() == null ? "Not signed in" : e.username(),
            e.roles() == null ? "—" : e.roles().replace(",", ", "), e.action(), e.caseId(), e.outcome().name(),
            e.status(), e.breakGlass() ? e.reason() : null, e.correlationId()))
        .toList());
    return "audit/access-log";
  }
}
