package com.kineticcasebook.audit;

import com.kineticcasebook.access.AdministrationLog;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.pages.PageController;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * The administration log page for auditors: who changed which account, clinic or projection,
 * newest first, filtered by a user (the changes they made and those made to their account) and
 * by days in UTC.
 */
@PageController
class AdministrationLogPageController {

  private static final int SHOWN = 200;

  /** One change as the page shows it. */
  record Row(String at, String atInstant, String who, String roles, String action, String target,
      List<Change> changes, String clientAddress, String correlationId) {}

  /** One field that the change set or altered. */
  record Change(String field, String before, String after) {}

  private final AdministrationLog log;
  private final UserDirectory users;

  AdministrationLogPageController(AdministrationLog log, UserDirectory users) {
    this.log = log;
    this.users = users;
  }

  @GetMapping("/audit/administration-log")
  String administrationLog(@RequestParam(required = false) String user, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    AuditPages.LogFilter filter = AuditPages.LogFilter.read(user, from, to, users, errors);
    model.addAttribute("user", user);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("limit", SHOWN);
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
      model.addAttribute("entries", List.of());
      return "audit/administration-log";
    }
    model.addAttribute("filtered", filter.any());
    model.addAttribute("entries", log.find(filter.userId(), filter.start(), filter.end(), 0, SHOWN).stream().map(AdministrationLogPageController::row)
        .toList());
    return "audit/administration-log";
  }

  private static Row row(AdministrationLog.Entry e) {
    return new Row(AuditPages.shown(e.at()), e.at().toString(),
        e.actorUsername() == null ? "System (start-up)" : e.actorUsername(),
        e.actorRoles().isEmpty() ? "—" : String.join(", ", e.actorRoles().stream().map(AuditPages::label).toList()),
        AuditPages.label(e.action()), AuditPages.label(e.targetType()) + " " + e.targetName(),
        changes(e.before(), e.after()), e.clientAddress(), e.correlationId());
  }

  /** The fields whose value differs between before and after, in recorded order. */
  static List<Change> changes(JsonNode before, JsonNode after) {
    Set<String> fields = new LinkedHashSet<>();
    if (before != null) {
      before.propertyNames().forEach(fields::add);
    }
    if (after != null) {
      after.propertyNames().forEach(fields::add);
    }
    return fields.stream()
        .filter(field -> !text(before, field).equals(text(after, field)))
        .map(field -> new Change(words(field), text(before, field), text(after, field)))
        .toList();
  }

  private static String text(JsonNode state, String field) {
    JsonNode value = state == null ? null : state.get(field);
    if (value == null || value.isNull()) {
      return "—";
    }
    if (value.isArray()) {
      return value.isEmpty() ? "none" : String.join(", ", StreamSupport.stream(value.spliterator(), false)
          .map(AdministrationLogPageController::element).toList());
    }
    return value.isValueNode() ? value.asString() : value.toString();
  }

  /** A role as a word, a membership as "works in North" or "owns North". */
  private static String element(JsonNode element) {
    if (element.isObject() && element.has("clinicName") && element.has("relation")) {
      return ("OWNER".equals(element.get("relation").asString()) ? "owns " : "works in ")
          + element.get("clinicName").asString();
    }
    return element.isValueNode() ? AuditPages.label(element.asString()) : element.toString();
  }

  private static String words(String camelCase) {
    String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
