package com.kineticcasebook.access;

import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Which clinics a user may see as a whole: a clinician's caseload, a practice owner's dashboard. */
@Component
public class ClinicAccess {

  /** The clinics whose caseload a clinician may list: the one asked for, else every clinic they work in. */
  public Set<ClinicId> caseloadClinics(CasebookUser user, UUID clinicId) {
    if (clinicId == null) {
      return user.memberOf().stream().map(ClinicId::new).collect(Collectors.toSet());
    }
    if (!user.worksIn(clinicId)) {
      throw new ApiException(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
          "You do not work in that clinic."));
    }
    return Set.of(new ClinicId(clinicId));
  }

  /** The clinic of an owner's dashboard: the one asked for if they own it; with none asked, the only one they own. */
  public ClinicId ownedClinic(CasebookUser user, UUID clinicId) {
    if (clinicId == null) {
      if (user.owns().size() != 1) {
        throw new ApiException(Problems.validation(List.of(
            new Problems.FieldError("clinicId", "is required when you own more than one clinic"))));
      }
      return new ClinicId(user.owns().iterator().next());
    }
    if (!user.owns().contains(clinicId)) {
      throw new ApiException(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
          "You do not own that clinic."));
    }
    return new ClinicId(clinicId);
  }
}
