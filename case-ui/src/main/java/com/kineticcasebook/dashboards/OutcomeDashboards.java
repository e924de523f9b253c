package com.kineticcasebook.dashboards;

import com.kineticcasebook.identity.CasebookUser;
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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The one way to get a clinic's outcome dashboard, for the JSON API, the CSV download and the
 * page alike: only for a clinic the user owns, with a date range that is not reversed.
 */
@Service
class OutcomeDashboards {

  static final String RANGE_REVERSED = "must not be after to";

  private final QueryGateway queries;

  OutcomeDashboards(QueryGateway queries) {
    this.queries = queries;
  }

  /** The message for the {@code from} field when the range is reversed. */
  static Optional<String> rangeProblem(LocalDate from, LocalDate to) {
    return from != null && to != null && from.isAfter(to) ? Optional.of(RANGE_REVERSED) : Optional.empty();
  }

  /** With no clinic given, the only clinic the user owns; a 400 when they own several. */
  OutcomeDashboard find(CasebookUser user, UUID clinicId, LocalDate from, LocalDate to) {
    UUID clinic = clinicId;
    if (clinic == null) {
      if (user.owns().size() != 1) {
        throw new ApiException(Problems.validation(List.of(
            new Problems.FieldError("clinicId", "is required when you own more than one clinic"))));
      }
      clinic = user.owns().iterator().next();
    } else if (!user.owns().contains(clinic)) {
      throw new ApiException(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
          "You do not own that clinic."));
    }
    rangeProblem(from, to).ifPresent(message -> {
      throw new ApiException(Problems.validation(List.of(new Problems.FieldError("from", message))));
    });
    return queries.query(new FindOutcomeDashboard(new ClinicId(clinic), from, to), OutcomeDashboard.class).join();
  }
}
