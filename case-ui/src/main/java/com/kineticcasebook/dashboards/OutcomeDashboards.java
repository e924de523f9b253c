package com.kineticcasebook.dashboards;

import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.access.ClinicAccess;
import com.kineticcasebook.outcomes.FindOutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.time.LocalDate;
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

  private final QueryGateway queries;
  private final ClinicAccess access;

  OutcomeDashboards(QueryGateway queries, ClinicAccess access) {
    this.queries = queries;
    this.access = access;
  }

  /** The message for the {@code from} field when the range is reversed. */
  static Optional<String> rangeProblem(LocalDate from, LocalDate to) {
    return from != null && to != null && from.isAfter(to) ? Optional.of(RANGE_REVERSED) : Optional.empty();
  }

  /** With no clinic given, the only clinic the user owns; a 400 when they own several. */
  OutcomeDashboard find(CasebookUser user, UUID clinicId, LocalDate from, LocalDate to) {
    ClinicId clinic = access.ownedClinic(user, clinicId);
    rangeProblem(from, to).ifPresent(message -> {
      throw new ApiException(Problems.validation(List.of(new Problems.FieldError("from", message))));
    });
    return queries.query(new FindOutcomeDashboard(clinic, from, to), OutcomeDashboard.class).join();
  }
}
