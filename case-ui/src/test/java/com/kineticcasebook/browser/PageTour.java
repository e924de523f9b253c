package com.kineticcasebook.browser;

import com.kineticcasebook.support.CaseScript;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every page of the product as its user reaches it, for the checks that must hold on all of them
 * (width, accessibility): which user signs in (none for the sign-in page) and how to get there. The
 * case shown has a little of everything: injuries, a gait filming, a hypothesis, a treatment, a
 * measure and a resolution.
 */
final class PageTour {

  /** One page: its name, the user who sees it (null: signed out), and the steps that show it. */
  record Stop(String name, String user, Consumer<Page> show) {}

  private PageTour() {}

  /** Records the tour's case of the North clinic and lists the stops, grouped by user. */
  static List<Stop> stops(CaseScript script) {
    String caseId = script.caseId();
    Consumer<Page> everyFormOpen = page -> {
      page.navigate("/cases/" + caseId);
      page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)");
    };
    Consumer<Page> visitForm = page -> {
      page.navigate("/cases/" + caseId);
      new CaseworkPages(page).openForm("Record a visit").scrollIntoViewIfNeeded();
    };
    List<Stop> stops = new ArrayList<>();
    stops.add(new Stop("sign-in", null, page -> page.navigate("/login")));
    stops.add(new Stop("caseload", "clinician.north", page -> page.navigate("/cases")));
    stops.add(new Stop("new-case", "clinician.north", page -> page.navigate("/cases/new")));
    stops.add(new Stop("case-page-every-form-open", "clinician.north", everyFormOpen));
    stops.add(new Stop("visit-form", "clinician.north", visitForm));
    for (String step : List.of("injuries", "gait", "hypothesis", "treatment")) {
      stops.add(new Stop("first-visit-" + step, "clinician.north",
          page -> page.navigate("/cases/" + caseId + "/first-visit/" + step)));
    }
    stops.add(new Stop("error-404", "clinician.north", page -> page.navigate("/cases/" + UUID.randomUUID())));
    stops.add(new Stop("error-403", "clinician.north", page -> page.navigate("/audit")));
    stops.add(new Stop("dashboard", "owner", page -> page.navigate("/dashboards/outcomes")));
    stops.add(new Stop("audit-index", "auditor", page -> page.navigate("/audit")));
    stops.add(new Stop("audit-case", "auditor", page -> {
      page.navigate("/audit/cases/" + caseId);
      page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)");
    }));
    stops.add(new Stop("access-log", "auditor", page -> page.navigate("/audit/access-log")));
    stops.add(new Stop("administration-log", "auditor", page -> page.navigate("/audit/administration-log")));
    stops.add(new Stop("admin-users", "admin", page -> page.navigate("/admin/users")));
    stops.add(new Stop("admin-clinics", "admin", page -> page.navigate("/admin/clinics")));
    stops.add(new Stop("admin-projections", "admin", page -> page.navigate("/admin/projections")));
    return stops;
  }

  /** A case with something in every section of its page and its audit history. */
  static CaseScript recordCase(com.kineticcasebook.support.ApiClient clinician, UUID clinic) {
    LocalDate day0 = LocalDate.now().minusDays(40);
    CaseScript script = CaseScript.open(clinician, clinic.toString(), "N-TOUR-" + UUID.randomUUID().toString()
        .substring(0, 6), day0, 0);
    String calf = script.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = script.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    script.gait(3);
    script.hypothesis(calf, List.of(knee), 4);
    script.treat(calf, "LOADING_PROGRAMME", 5);
    script.measure(knee, "NPRS", 6, 6);
    script.resolve(knee, 20);
    return script;
  }
}
