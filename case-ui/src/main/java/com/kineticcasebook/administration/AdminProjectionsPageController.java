package com.kineticcasebook.administration;

import com.kineticcasebook.operations.ProjectionOperations;
import com.kineticcasebook.pages.PageController;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Projection status and rebuilds. While a rebuild runs, the status table is a partial that htmx
 * fetches again every second; once every projection is up to date the partial comes back without
 * its polling trigger, and polling stops.
 */
@PageController
class AdminProjectionsPageController {

  /** A projection's row: its progress as a share of the event store's head. */
  record Row(String name, long position, long headPosition, boolean rebuilding, long eventsPerSecond, int percent,
      Failure failure) {

    static Row of(ProjectionOperations.ProjectionStatus s) {
      long done = Math.max(0, s.position());
      int percent = s.headPosition() <= 0 ? 100 : (int) Math.min(100, done * 100 / s.headPosition());
      ProjectionOperations.RebuildFailure failed = s.rebuildFailure();
      return new Row(s.name(), done, Math.max(0, s.headPosition()), s.rebuilding(), Math.round(s.eventsPerSecond()),
          percent, failed == null ? null : new Failure(SHOWN.format(failed.at()), failed.at().toString(), failed.reason()));
    }

    public boolean upToDate() {
      return !rebuilding && position >= headPosition;
    }
  }

  /** The last rebuild that failed to start: when (as shown, and as an instant) and why. */
  record Failure(String at, String atInstant, String reason) {}

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.UK)
      .withZone(ZoneOffset.UTC);

  private final ProjectionOperations operations;

  AdminProjectionsPageController(ProjectionOperations operations) {
    this.operations = operations;
  }

  @GetMapping("/admin/projections")
  String page(Model model) {
    status(model);
    return "administration/projections";
  }

  @GetMapping("/admin/projections/status")
  String statusPartial(Model model) {
    status(model);
    return "administration/projections :: status";
  }

  /**
   * Starts a rebuild and says so on the page; while other nodes run the projection the page says
   * instead why it did not start (Post/Redirect/Get either way).
   */
  @PostMapping("/admin/projections/{name}/rebuild")
  String rebuild(@PathVariable String name, RedirectAttributes redirect) {
    boolean started;
    try {
      started = operations.rebuild(name);
    } catch (ProjectionOperations.Shared e) {
      redirect.addFlashAttribute("refusal", "The rebuild did not start. " + e.getMessage());
      return "redirect:/admin/projections";
    }
    if (!started) {
      throw new ApiException(Problems.notFound("projection"));
    }
    redirect.addFlashAttribute("notice", "Rebuild of " + name + " asked for: its progress, or why it did not start, shows below.");
    return "redirect:/admin/projections";
  }

  private void status(Model model) {
    List<Row> rows = operations.list().stream().map(Row::of).toList();
    model.addAttribute("projections", rows);
    model.addAttribute("busy", rows.stream().anyMatch(row -> !row.upToDate()));
  }
}
