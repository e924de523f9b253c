package com.kineticcasebook.outcomes;

import com.kineticcasebook.patientcase.ClinicId;
import java.time.LocalDate;
import java.util.Objects;

/** The outcome dashboard of a clinic; from and to (both optional) bound the secondary injury's onset. */
public record FindOutcomeDashboard(ClinicId clinicId, LocalDate from, LocalDate to) {
  public FindOutcomeDashboard {
    Objects.requireNonNull(clinicId, "clinicId");
  }
}
