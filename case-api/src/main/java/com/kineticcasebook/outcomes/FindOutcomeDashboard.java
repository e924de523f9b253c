package com.kineticcasebook.outcomes;

import com.kineticcasebook.patientcase.ClinicId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The outcome dashboard of a clinic; from and to (both optional) bound the secondary injury's
 * onset. With {@code asOf}, the dashboard as the events recorded up to that instant give it, with
 * that instant's date as today; without it, the dashboard of all events recorded so far.
 */
public record FindOutcomeDashboard(ClinicId clinicId, LocalDate from, LocalDate to, Instant asOf) {
  public FindOutcomeDashboard {
    Objects.requireNonNull(clinicId, "clinicId");
  }

  /** The current dashboard. */
  public FindOutcomeDashboard(ClinicId clinicId, LocalDate from, LocalDate to) {
    this(clinicId, from, to, null);
  }
}
