package com.kineticcasebook.accesslog;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The access log page for auditors: who read or changed a case, newest first. */
@Controller
class AccessLogPageController {

  private static final int SHOWN = 200;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.UK)
      .withZone(ZoneOffset.UTC);

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
      try {
        filter = UUID.fromString(caseId.strip());
      } catch (IllegalArgumentException notAUuid) {
        model.addAttribute("errors", Map.of("caseId", "Enter a case id in the form 8-4-4-4-12 hexadecimal digits."));
        model.addAttribute("caseId", caseId);
        model.addAttribute("entries", List.of());
        return "audit/access-log";
      }
    }
    model.addAttribute("caseId", filter == null ? null : filter.toString());
    model.addAttribute("entries", accessLog.find(filter, null, null, null, 0, SHOWN).stream()
        .map(e -> new Row(TIME.format(e.at()), e.at().toString(), e.username() == null ? "Not signed in" : e.username(),
            e.roles() == null ? "—" : e.roles().replace(",", ", "), e.action(), e.caseId(), e.outcome().name(),
            e.status(), e.breakGlass() ? e.reason() : null, e.correlationId()))
        .toList());
    model.addAttribute("limit", SHOWN);
    return "audit/access-log";
  }
}
