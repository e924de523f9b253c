package com.kineticcasebook.access;

import com.kineticcasebook.caseload.FindCaseClinic;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

  /** Letters or digits (any script) a reason needs, and how many of them must differ. */
  private static final int MIN_REASON = 10;
  private static final int MIN_DISTINCT = 4;
  private static final int MAX_REASON = 1000;

  private final BreakGlassGrants grants;
  private final QueryGateway queries;

  BreakGlassController(BreakGlassGrants grants, QueryGateway queries) {
    this.grants = grants;
    this.queries = queries;
  }

  @PostMapping("/api/v1/break-glass")
  @ResponseStatus(HttpStatus.CREATED)
  Grant breakGlass(@AuthenticationPrincipal CasebookUser user, @RequestBody BreakGlassRequest body,
      HttpServletRequest request) {
    List<Problems.FieldError> errors = new ArrayList<>();
    if (body.caseId() == null) {
      errors.add(new Problems.FieldError("caseId", "is required"));
    } else {
      // The grant's access-log row, allowed or refused, names the case asked for.
      request.setAttribute(BreakGlass.CASE_ATTRIBUTE, body.caseId());
    }
    String reason = body.reason() == null ? "" : body.reason().strip();
    if (!explains(reason)) {
      errors.add(new Problems.FieldError("reason", "must explain the need in at least " + MIN_REASON
          + " letters or digits, " + MIN_DISTINCT + " or more of them different, and at most " + MAX_REASON
          + " characters"));
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

  /**
   * A reason is words: spaces, punctuation and invisible characters (zero-width spaces and other
   * format characters) do not count towards its length, and one letter repeated is not a reason.
   */
  static boolean explains(String reason) {
    if (reason.length() > MAX_REASON) {
      return false;
    }
    int[] lettersOrDigits = reason.codePoints().filter(Character::isLetterOrDigit).toArray();
    long distinct = Arrays.stream(lettersOrDigits).map(c -> Character.toLowerCase(Character.toUpperCase(c)))
        .distinct().count();
    return lettersOrDigits.length >= MIN_REASON && distinct >= MIN_DISTINCT;
  }
}
