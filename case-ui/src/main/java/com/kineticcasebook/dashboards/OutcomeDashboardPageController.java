package com.kineticcasebook.dashboards;

import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.pages.PageController;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The practice owner's outcome dashboard page and its CSV download. Figures come from the same
 * {@link OutcomeDashboards} query as the JSON API, so the page and the API cannot disagree.
 */
@PageController
class OutcomeDashboardPageController {

  private final OutcomeDashboards dashboards;
  private final UserDirectory users;
  private final OutcomeCsv csv;
  private final JsonMapper json = JsonMapper.builder().build();

  OutcomeDashboardPageController(OutcomeDashboards dashboards, UserDirectory users, OutcomeCsv csv) {
    this.dashboards = dashboards;
    this.users = users;
    this.csv = csv;
  }

  @GetMapping("/dashboards/outcomes")
  String dashboard(@AuthenticationPrincipal CasebookUser user,
      @RequestParam(required = false) UUID clinicId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String asOf,
      Model model) {
    List<UserDirectory.Clinic> owned = users.clinicsOf(user).stream()
        .filter(clinic -> user.owns().contains(clinic.clinicId())).toList();
    model.addAttribute("clinics", owned);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("asOf", asOf == null || asOf.isBlank() ? null : asOf.strip());
    if (owned.isEmpty()) {
      return "dashboards/outcomes";
    }
    UUID clinic = clinicId != null ? clinicId : owned.get(0).clinicId();
    model.addAttribute("clinic", owned.stream().filter(c -> c.clinicId().equals(clinic)).findFirst()
        .orElseThrow(() -> new ApiException(Problems.forbidden())));
    Map<String, String> errors = new LinkedHashMap<>();
    if (OutcomeDashboards.rangeProblem(from, to).isPresent()) {
      errors.put("from", "The start date must be on or before the end date.");
    }
    String asOfProblem = dashboards.asOf(asOf).problem();
    if (OutcomeDashboards.AS_OF_FUTURE.equals(asOfProblem)) {
      errors.put("asOf", "The instant must not be in the future.");
    } else if (asOfProblem != null) {
      errors.put("asOf", "Enter an instant in UTC, such as 2026-03-14T17:00:00Z.");
    }
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
      return "dashboards/outcomes";
    }
    OutcomeDashboard dashboard = dashboards.find(user, clinic, from, to, asOf);
    DashboardView view = DashboardView.of(dashboard, users.usernames(
        dashboard.byClinician().stream().map(OutcomeDashboard.ByClinician::clinicianId).toList()));
    model.addAttribute("view", view);
    model.addAttribute("curveJson", json.writeValueAsString(view.curve()));
    model.addAttribute("incidenceJson", json.writeValueAsString(view.cumulativeIncidence()));
    return "dashboards/outcomes";
  }

  @GetMapping("/dashboards/outcomes.csv")
  ResponseEntity<String> csv(@AuthenticationPrincipal CasebookUser user,
      @RequestParam(required = false) UUID clinicId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String asOf) {
    return csv.download(user, dashboards.find(user, clinicId, from, to, asOf));
  }
}
