package com.kineticcasebook.access;

import com.kineticcasebook.caseload.FindCaseClinic;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator, or a clinician outside the case's clinic, asks to read a case and says why.
 * The grant lasts {@link BreakGlassGrants#DURATION}, allows reading only, and every read under it
 * is flagged in the access log with the reason.
 */
@RestController
class BreakGlassController {

  record BreakGlassRequest(UUID caseId, String reason) {}

  record Grant(UUID caseId, Instant expiresAt) {}

  private static final int MIN_REASON = 10;
  private static final int MAX_REASON = 1000;

  private final BreakGlassGrants grants;
  private final QueryGateway queries;

  BreakGlassController(BreakGlassGrants grants, QueryGateway queries) {
    this.grants = grants;
    this.queries = queries;
  }

  @PostMapping("/api/v1/break-glass")
  @ResponseStatus(HttpStatus.CREATED)
  Grant breakGlass(@AuthenticationPrincipal CasebookUser user, @RequestBody BreakGlassRequest body) {
    List<Problems.FieldError> errors = new ArrayList<>();
    if (body.caseId() == null) {
      errors.add(new Problems.FieldError("caseId", "is required"));
    }
    String reason = body.reason() == null ? "" : body.reason().strip();
    if (reason.length() < MIN_REASON || reason.length() > MAX_REASON) {
      errors.add(new Problems.FieldError("reason",
          "must explain the need in " + MIN_REASON + " to " + MAX_REASON + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(Problems.validation(errors));
    }
    Optional<ClinicId> clinic = queries.query(new FindCaseClinic(new CaseId(body.caseId())),
        ResponseTypes.optionalInstanceOf(ClinicId.class)).join();
    if (clinic.isEmpty()) {
      throw new ApiException(Problems.notFound("case"));
    }
    if (user.worksIn(clinic.get().value())) {
      throw new ApiException(Problems.validation(List.of(
          new Problems.FieldError("caseId", "is a case of your own clinic; no break-glass access is needed"))));
    }
    return new Grant(body.caseId(), grants.grant(user.id(), body.caseId(), reason));
  }
}
