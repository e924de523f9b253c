package com.kineticcasebook.caseview;

import com.kineticcasebook.caseload.CaseListItem;
import com.kineticcasebook.caseload.CaseListPage;
import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.FindCaseListItem;
import com.kineticcasebook.caseload.ListCases;
import com.kineticcasebook.identity.CasebookUser;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import com.kineticcasebook.recording.CaseAccess;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A clinician's caseload and the cases in it, from the case directory read model. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseQueryController {

  private static final int MAX_PAGE_SIZE = 200;

  private final QueryGateway queries;
  private final CaseAccess access;

  CaseQueryController(QueryGateway queries, CaseAccess access) {
    this.queries = queries;
    this.access = access;
  }

  @GetMapping
  CaseListPage list(
      @AuthenticationPrincipal CasebookUser user,
      @RequestParam(required = false) UUID clinicId,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new ApiException(Problems.validation(List.of(
          new Problems.FieldError(page < 0 ? "page" : "size",
              page < 0 ? "must be 0 or more" : "must be between 1 and " + MAX_PAGE_SIZE))));
    }
    Set<ClinicId> clinics;
    if (clinicId == null) {
      clinics = user.memberOf().stream().map(ClinicId::new).collect(Collectors.toSet());
    } else if (user.worksIn(clinicId)) {
      clinics = Set.of(new ClinicId(clinicId));
    } else {
      throw new ApiException(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
          "You do not work in that clinic."));
    }
    return queries.query(new ListCases(clinics, status, page, size), CaseListPage.class).join();
  }

  @GetMapping("/{caseId}")
  CaseListItem get(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId) {
    CaseId id = new CaseId(caseId);
    access.authoriseCase(user, id);
    return queries.query(new FindCaseListItem(id), ResponseTypes.optionalInstanceOf(CaseListItem.class)).join()
        .orElseThrow(() -> new ApiException(Problems.notFound("case")));
  }
}
