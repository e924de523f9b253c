package com.kineticcasebook.access;

import com.kineticcasebook.caseload.FindCaseClinic;
import com.kineticcasebook.eventstore.EventMetadata;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Decides whether a clinician may record on a case, and remembers the clinic it decided for: the
 * metadata interceptor puts that clinic on the command, and refuses commands without one.
 */
@Component
public class CaseAccess {

  private final QueryGateway queries;
  private final BreakGlassGrants grants;

  CaseAccess(QueryGateway queries, BreakGlassGrants grants) {
    this.queries = queries;
    this.grants = grants;
  }

  /** A clinician may open cases only in a clinic they work in. */
  public void authoriseOpening(CasebookUser user, ClinicId clinicId) {
    if (!user.worksIn(clinicId.value())) {
      throw new ApiException(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
          "You do not work in that clinic."));
    }
    remember(clinicId);
  }

  /** A case of a clinic the user does not work in does not exist for them (404, not 403). */
  public ClinicId authoriseCase(CasebookUser user, CaseId caseId) {
    ClinicId clinic = clinicOf(caseId)
        .filter(found -> user.worksIn(found.value()))
        .orElseThrow(() -> new ApiException(Problems.notFound("case")));
    remember(clinic);
    return clinic;
  }

  /**
   * Reading is also allowed under a valid break-glass grant; the request is then marked so that
   * the access log flags it with the grant's reason.
   */
  public ClinicId authoriseRead(CasebookUser user, CaseId caseId) {
    Optional<ClinicId> clinic = clinicOf(caseId);
    if (clinic.isPresent() && !user.worksIn(clinic.get().value())) {
      Optional<String> reason = grants.activeReason(user.id(), caseId.value());
      if (reason.isPresent()) {
        RequestContextHolder.currentRequestAttributes()
            .setAttribute(BreakGlass.REASON_ATTRIBUTE, reason.get(), RequestAttributes.SCOPE_REQUEST);
        remember(clinic.get());
        return clinic.get();
      }
    }
    return authoriseCase(user, caseId);
  }

  private Optional<ClinicId> clinicOf(CaseId caseId) {
    return queries.query(new FindCaseClinic(caseId), ResponseTypes.optionalInstanceOf(ClinicId.class)).join();
  }

  private static void remember(ClinicId clinicId) {
    RequestAttributes request = RequestContextHolder.currentRequestAttributes();
    request.setAttribute(EventMetadata.AUTHORISED_CLINIC_ATTRIBUTE, clinicId.toString(), RequestAttributes.SCOPE_REQUEST);
  }
}
