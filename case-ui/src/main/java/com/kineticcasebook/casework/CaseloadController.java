package com.kineticcasebook.casework;

import com.kineticcasebook.IdFactory;
import com.kineticcasebook.access.CaseAccess;
import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.caseload.CaseListItem;
import com.kineticcasebook.caseload.CaseListPage;
import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseloadSort;
import com.kineticcasebook.caseload.ListCases;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.pages.PageController;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.patientcase.PatientHasOpenCase;
import com.kineticcasebook.patientcase.UserId;
import com.kineticcasebook.reference.Condition;
import com.kineticcasebook.reference.ConditionCatalogue;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinician's caseload (the cases of every clinic they work in, searchable and filtered) and
 * opening a new case.
 */
@PageController
@RequestMapping("/cases")
class CaseloadController {

  static final int PAGE_SIZE = 20;

  private final QueryGateway queries;
  private final UserDirectory users;
  private final CaseAccess access;
  private final CaseRecorder recorder;
  private final IdFactory ids;
  private final Clock clock;

  CaseloadController(QueryGateway queries, UserDirectory users, CaseAccess access, CaseRecorder recorder,
      IdFactory ids, Clock clock) {
    this.queries = queries;
    this.users = users;
    this.access = access;
    this.recorder = recorder;
    this.ids = ids;
    this.clock = clock;
  }

  @GetMapping
  ModelAndView caseload(@AuthenticationPrincipal CasebookUser user,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String clinic,
      @RequestParam(required = false) String mine,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String order,
      @RequestParam(defaultValue = "0") String page,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore) {
    List<UserDirectory.Clinic> clinics = clinicsOf(user);
    Map<UUID, String> clinicNames = clinics.stream()
        .collect(Collectors.toMap(UserDirectory.Clinic::clinicId, UserDirectory.Clinic::name));
    CaseStatus wantedStatus = parse(status);
    UUID wantedClinic = clinicNames.keySet().stream().filter(id -> id.toString().equals(clinic)).findFirst()
        .orElse(null);
    Set<ClinicId> searched = (wantedClinic == null ? clinicNames.keySet() : Set.of(wantedClinic)).stream()
        .map(ClinicId::new).collect(Collectors.toSet());
    int pageNumber = pageNumber(page);
    boolean onlyMine = "true".equals(mine);
    // The page is forgiving: a column or order it does not know falls back to the usual order.
    CaseloadSort column = CaseloadSort.ofApiName(sort).orElse(null);
    boolean descending = column == null ? true
        : "desc".equals(order) || (!"asc".equals(order) && column.descendingByDefault());
    CaseListPage result = queries.query(new ListCases(searched, wantedStatus, q, onlyMine ? user.id() : null,
        column, descending, pageNumber, PAGE_SIZE), CaseListPage.class).join();
    LocalDate today = LocalDate.now(clock);

    // htmx's live search swaps only the results; restoring history needs the whole page.
    boolean resultsOnly = htmx != null && historyRestore == null;
    ModelAndView mav = new ModelAndView(resultsOnly ? "casework/caseload :: results" : "casework/caseload");
    mav.addObject("rows", result.items().stream().map(item -> row(item, clinicNames, today)).toList());
    mav.addObject("total", result.total());
    mav.addObject("page", pageNumber);
    mav.addObject("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    mav.addObject("q", q == null ? "" : q);
    mav.addObject("status", wantedStatus == null ? "" : wantedStatus.name());
    mav.addObject("clinic", wantedClinic == null ? "" : wantedClinic.toString());
    mav.addObject("clinics", clinics);
    mav.addObject("mine", onlyMine ? "true" : "");
    mav.addObject("sort", column == null ? "" : column.apiName());
    mav.addObject("order", column == null ? "" : descending ? "desc" : "asc");
    mav.addObject("columns", SortableColumn.of(column, descending));
    return mav;
  }

  /**
   * A column header the clinician can sort by: its {@code aria-sort} when it is the one sorted by,
   * and the order a click on it asks for (the other way round when sorted by it already).
   */
  record SortableColumn(String label, String sort, String ariaSort, String nextOrder) {
    static List<SortableColumn> of(CaseloadSort sortedBy, boolean descending) {
      CaseloadSort effective = sortedBy == null ? CaseloadSort.OPENED_ON : sortedBy;
      return List.of(
          column("Patient", CaseloadSort.PATIENT_REF, effective, descending),
          column("Status", CaseloadSort.STATUS, effective, descending),
          column("Opened", CaseloadSort.OPENED_ON, effective, descending),
          column("Last activity", CaseloadSort.LAST_ACTIVITY_AT, effective, descending));
    }

    private static SortableColumn column(String label, CaseloadSort sort, CaseloadSort sortedBy, boolean descending) {
      boolean sorted = sort == sortedBy;
      String next = sorted ? (descending ? "asc" : "desc") : (sort.descendingByDefault() ? "desc" : "asc");
      return new SortableColumn(label, sort.apiName(), sorted ? (descending ? "descending" : "ascending") : null,
          next);
    }
  }

  @GetMapping("/new")
  ModelAndView newCase(@AuthenticationPrincipal CasebookUser user) {
    List<UserDirectory.Clinic> clinics = clinicsOf(user);
    String onlyClinic = clinics.size() == 1 ? clinics.get(0).clinicId().toString() : "";
    return openCasePage(clinics, Forms.OpenCaseForm.blank(LocalDate.now(clock), onlyClinic), new FormInput(),
        HttpStatus.OK);
  }

  @PostMapping("/new")
  ModelAndView openCase(@AuthenticationPrincipal CasebookUser user, Forms.OpenCaseForm form,
      RedirectAttributes flash) {
    CaseId caseId = new CaseId(ids.next());
    FormInput in = new FormInput();
    UUID clinicId = in.id("clinicId", form.clinicId());
    // Access is decided by the clinic, so a case without a valid one goes no further than this form.
    OpenCase command = in.complete(in.build(() -> new OpenCase(caseId,
        clinicId == null ? null : new ClinicId(clinicId), form.patientRef(), new UserId(user.id()),
        in.date("openedOn", form.openedOn()), "true".equals(form.openAnotherCase()))));
    if (command != null) {
      access.authoriseOpening(user, command.clinicId());
    }
    RecordedPosition position;
    try {
      position = recorder.record(caseId.toString(), in, command);
    } catch (PatientHasOpenCase existing) {
      in.invalid("patientRef", "This patient already has an open case in this clinic.");
      ModelAndView page = openCasePage(clinicsOf(user), form, in, HttpStatus.CONFLICT);
      page.addObject("existingCaseId", existing.existingCaseId().value());
      return page;
    }
    if (in.recordedBefore() != null) {
      flash.addFlashAttribute("notice", CasePages.ALREADY_RECORDED);
      return new ModelAndView("redirect:" + in.recordedBefore());
    }
    if (position == null) {
      return openCasePage(clinicsOf(user), form, in, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    flash.addFlashAttribute("notice", FIRST_VISIT_NOTICE);
    return new ModelAndView("redirect:" + FirstVisitController.address(caseId, FirstVisitController.Step.INJURIES));
  }

  /** Said on the first step of the first visit, where opening a case leads. */
  static final String FIRST_VISIT_NOTICE = "Case opened. Record the first visit step by step; skip any step you do not need.";

  private ModelAndView openCasePage(List<UserDirectory.Clinic> clinics, Forms.OpenCaseForm form, FormInput input,
      HttpStatus status) {
    ModelAndView mav = new ModelAndView("casework/new-case");
    mav.setStatus(status);
    mav.addObject("clinics", clinics);
    mav.addObject("openCaseForm", form);
    mav.addObject("errors", input.errors());
    mav.addObject("formError", input.refusal());
    mav.addObject("openForm", "open");
    mav.addObject("idempotencyKey", UUID.randomUUID().toString());
    return mav;
  }

  /** The clinics the user works in (owning one does not make them its clinician). */
  private List<UserDirectory.Clinic> clinicsOf(CasebookUser user) {
    return users.clinicsOf(user).stream().filter(c -> user.worksIn(c.clinicId())).toList();
  }

  private CaseloadRow row(CaseListItem item, Map<UUID, String> clinicNames, LocalDate today) {
    String condition = ConditionCatalogue.find(item.primaryConditionCode()).map(Condition::label).orElse(null);
    return new CaseloadRow(item.caseId().value(), item.patientRef(), clinicNames.getOrDefault(item.clinicId().value(), ""),
        item.status(), item.openedOn(), condition, item.openInjuries(), item.lastActivityAt(),
        CaseloadRow.activityInWords(item.lastActivityAt(), today, clock.getZone()));
  }

  private static CaseStatus parse(String status) {
    return "OPEN".equals(status) ? CaseStatus.OPEN : "CLOSED".equals(status) ? CaseStatus.CLOSED : null;
  }

  private static int pageNumber(String page) {
    try {
      return Math.max(0, Math.min(100_000, Integer.parseInt(page)));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
