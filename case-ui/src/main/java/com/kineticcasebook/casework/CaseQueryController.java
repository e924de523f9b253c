package com.kineticcasebook.casework;

import com.kineticcasebook.access.CaseAccess;
import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.access.ClinicAccess;
import com.kineticcasebook.caseload.CaseListPage;
import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseTimeline;
import com.kineticcasebook.caseload.CaseloadSort;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.FindCaseTimeline;
import com.kineticcasebook.caseload.FindCaseView;
import com.kineticcasebook.caseload.ListCases;
import com.kineticcasebook.operations.ReadConsistency;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Paging;
import com.kineticcasebook.problem.Problems;
import com.kineticcasebook.projections.ProcessingGroups;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinician's caseload, a case and its timeline, from the case-views projection. Reads are
 * eventually consistent; {@code X-Consistency: after=<position>} waits for a client's own write.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseQueryController {

  private static final int MAX_PAGE_SIZE = 200;
  private static final int MAX_SEARCH_LENGTH = 200;

  private final QueryGateway queries;
  private final CaseAccess access;
  private final ClinicAccess clinicAccess;
  private final ReadConsistency consistency;

  CaseQueryController(QueryGateway queries, CaseAccess access, ClinicAccess clinicAccess,
      ReadConsistency consistency) {
    this.queries = queries;
    this.access = access;
    this.clinicAccess = clinicAccess;
    this.consistency = consistency;
  }

  @GetMapping
  CaseListPage list(
      @AuthenticationPrincipal CasebookUser user,
      @RequestParam(required = false) UUID clinicId,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String order,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestHeader(name = ReadConsistency.HEADER, required = false) String consistencyHeader) {
    Paging.require(page, size, MAX_PAGE_SIZE);
    CaseloadSort column = sort == null ? null : CaseloadSort.ofApiName(sort).orElseThrow(() -> invalid("sort",
        "must be one of " + Arrays.stream(CaseloadSort.values()).map(CaseloadSort::apiName)
            .collect(Collectors.joining(", "))));
    if (order != null && !order.equals("asc") && !order.equals("desc")) {
      throw invalid("order", "must be asc or desc");
    }
    if (q != null && q.length() > MAX_SEARCH_LENGTH) {
      throw invalid("q", "must be at most " + MAX_SEARCH_LENGTH + " characters");
    }
    Set<ClinicId> clinics = clinicAccess.caseloadClinics(user, clinicId);
    consistency.await(consistencyHeader, ProcessingGroups.CASE_VIEWS);
    CaseloadSort by = column == null ? CaseloadSort.OPENED_ON : column;
    boolean descending = order == null ? by.descendingByDefault() : order.equals("desc");
    return queries.query(new ListCases(clinics, status, q, mine ? user.id() : null, by, descending, page, size),
        CaseListPage.class).join();
  }

  private static ApiException invalid(String field, String message) {
    return new ApiException(Problems.validation(List.of(new Problems.FieldError(field, message))));
  }

  @GetMapping("/{caseId}")
  CaseView get(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      @RequestHeader(name = ReadConsistency.HEADER, required = false) String consistencyHeader) {
    CaseId id = authorised(user, caseId, consistencyHeader);
    return queries.query(new FindCaseView(id), ResponseTypes.optionalInstanceOf(CaseView.class)).join()
        .orElseThrow(CaseQueryController::notYetProjected);
  }

  @GetMapping("/{caseId}/timeline")
  CaseTimeline timeline(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      @RequestHeader(name = ReadConsistency.HEADER, required = false) String consistencyHeader) {
    CaseId id = authorised(user, caseId, consistencyHeader);
    return queries.query(new FindCaseTimeline(id), ResponseTypes.optionalInstanceOf(CaseTimeline.class)).join()
        .orElseThrow(CaseQueryController::notYetProjected);
  }

  private CaseId authorised(CasebookUser user, UUID caseId, String consistencyHeader) {
    CaseId id = new CaseId(caseId);
    access.authoriseRead(user, id);
    consistency.await(consistencyHeader, ProcessingGroups.CASE_VIEWS);
    return id;
  }

  /** The case exists (the directory knows it) but its view has not been built yet. */
  private static ApiException notYetProjected() {
    return new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent",
        "Read model not yet up to date",
        "The case was recorded but is not in the read model yet. Retry, or send X-Consistency: after=<position>."));
  }
}
