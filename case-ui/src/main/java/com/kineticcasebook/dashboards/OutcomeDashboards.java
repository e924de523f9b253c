package com.kineticcasebook.dashboards;

import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.access.ClinicAccess;
import com.kineticcasebook.outcomes.FindOutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * The one way to get a clinic's outcome dashboard, for the JSON API, the CSV download and the
 * page alike: only for a clinic the user owns, with a date range that is not reversed.
 */
@Service
class OutcomeDashboards {

  static final String RANGE_REVERSED = "must not be after to";
  static final String AS_OF_MALFORMED = "must be an ISO-8601 instant, such as 2026-03-14T17:00:00Z";
  static final String AS_OF_FUTURE = "must not be in the future";

  private final QueryGateway queries;
  private final ClinicAccess access;
  private final Clock clock;

  OutcomeDashboards(QueryGateway queries, ClinicAccess access, Clock clock) {
    this.queries = queries;
    this.access = access;
    this.clock = clock;
  }

  /** The instant of an as-of report, or a message for the {@code asOf} field; empty asks for the current one. */
  AsOf asOf(String raw) {
    if (raw == null || raw.isBlank()) {
      return new AsOf(null, null);
    }
    Instant asOf;
    try {
      asOf = Instant.parse(raw.strip());
    } catch (DateTimeParseException e) {
      return new AsOf(null, AS_OF_MALFORMED);
    }
    return asOf.isAfter(clock.instant()) ? new AsOf(null, AS_OF_FUTURE) : new AsOf(asOf, null);
  }

  /** A parsed {@code asOf}: the instant (null for the current dashboard) or the problem with it. */
  record AsOf(Instant instant, String problem) {}

  /** The message for the {@code from} field when the range is reversed. */
  static Optional<String> rangeProblem(LocalDate from, LocalDate to) {
    return from != null && to != null && from.isAfter(to) ? Optional.of(RANGE_REVERSED) : Optional.empty();
  }

  /** With no clinic given, the only clinic the user owns; a 400 when they own several. */
  OutcomeDashboard find(CasebookUser user, UUID clinicId, LocalDate from, LocalDate to) {
    return find(user, clinicId, from, to, null);
  }

  /**
   * With {@code asOf}, the dashboard as the events recorded up to that instant give it; a
   * malformed instant or one in the future is a 400 on {@code asOf}.
   */
  OutcomeDashboard find(CasebookUser user, UUID clinicId, LocalDate from, LocalDate to, String asOf) {
    ClinicId clinic = access.ownedClinic(user, clinicId);
    List<Problems.FieldError> errors = new ArrayList<>();
    rangeProblem(from, to).ifPresent(message -> errors.add(new Problems.FieldError("from", message)));
    AsOf instant = asOf(asOf);
    if (instant.problem() != null) {
      errors.add(new Problems.FieldError("asOf", instant.problem()));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(Problems.validation(errors));
    }
    return queries.query(new FindOutcomeDashboard(clinic, from, to, instant.instant()), OutcomeDashboard.class)
        .join();
  }
}
