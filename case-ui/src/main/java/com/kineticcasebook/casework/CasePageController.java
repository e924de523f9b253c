package com.kineticcasebook.casework;

import com.kineticcasebook.IdFactory;
import com.kineticcasebook.access.CaseAccess;
import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.pages.PageController;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.CloseCase;
import com.kineticcasebook.patientcase.HypothesisePrimary;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.MarkEnteredInError;
import com.kineticcasebook.patientcase.RecordGaitFilming;
import com.kineticcasebook.patientcase.RecordOutcomeMeasure;
import com.kineticcasebook.patientcase.RecordingId;
import com.kineticcasebook.patientcase.ReopenCase;
import com.kineticcasebook.patientcase.ReportInjury;
import com.kineticcasebook.patientcase.ResolveInjury;
import com.kineticcasebook.patientcase.StartTreatment;
import com.kineticcasebook.patientcase.TreatmentId;
import com.kineticcasebook.reference.OutcomeInstrument;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page and its quick forms. Each form posts here, is turned into one command, and on
 * success redirects back to the case with a notice; a refused form also goes back to the case
 * page, with that form open, the typed values kept, every reason at the top of the form and next
 * to its field. A form sent twice is recorded once ({@link CaseRecorder}).
 */
@PageController
@RequestMapping("/cases/{caseId}")
class CasePageController {

  private final CaseAccess access;
  private final CasePages pages;
  private final CaseRecorder recorder;
  private final IdFactory ids;
  private final Clock clock;

  CasePageController(CaseAccess access, CasePages pages, CaseRecorder recorder, IdFactory ids, Clock clock) {
    this.access = access;
    this.pages = pages;
    this.recorder = recorder;
    this.ids = ids;
    this.clock = clock;
  }

  @GetMapping
  ModelAndView show(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId) {
    return pages.show(user, authorised(user, caseId));
  }

  @PostMapping("/injuries")
  ModelAndView reportInjury(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      Forms.InjuryForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    ReportInjury command = in.build(() -> FormCommands.injury(in, "", id, new InjuryId(ids.next()), form));
    return respond(user, id, in, command, "injury", form, flash, position -> "Injury reported.");
  }

  @PostMapping("/gait-recordings")
  ModelAndView recordGaitFilming(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      Forms.GaitForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    RecordGaitFilming command = in.build(() -> FormCommands.gait(in, id, new RecordingId(ids.next()), form));
    return respond(user, id, in, command, "gait", form, flash,
        position -> "Gait filming recorded. You can upload its video below.");
  }

  @PostMapping("/hypotheses")
  ModelAndView hypothesise(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      Forms.HypothesisForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    HypothesisePrimary command = in.build(() -> FormCommands.hypothesis(in, id, form, LocalDate.now(clock)));
    return respond(user, id, in, command, "hypothesis", form, flash,
        position -> "Hypothesis recorded. Casebook will show whether the secondaries clear once the primary is treated.");
  }

  @PostMapping("/treatments")
  ModelAndView startTreatment(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      Forms.TreatmentForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    StartTreatment command = in.build(() -> FormCommands.treatment(in, id, new TreatmentId(ids.next()), form));
    return respond(user, id, in, command, "treatment", form, flash, position -> "Treatment started.");
  }

  @PostMapping("/outcome-measures")
  ModelAndView recordOutcomeMeasure(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      Forms.MeasureForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    RecordOutcomeMeasure command = in.build(() -> new RecordOutcomeMeasure(id,
        FormCommands.optional(in.id("injuryId", form.injuryId()), InjuryId::new),
        in.choice("instrument", form.instrument(), OutcomeInstrument.class), in.number("score", form.score()),
        in.date("measuredOn", form.measuredOn())));
    return respond(user, id, in, command, "measure", form, flash, position -> "Outcome measure recorded.");
  }

  @PostMapping("/injuries/{injuryId}/resolution")
  ModelAndView resolve(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      @PathVariable UUID injuryId, Forms.ResolutionForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    ResolveInjury command = in.build(() -> new ResolveInjury(id, new InjuryId(injuryId),
        in.date("resolvedOn", form.resolvedOn()), form.note()));
    return respond(user, id, in, command, "resolve-" + injuryId, form, flash,
        position -> position.eventType().equals("SecondaryResolved")
            ? "Secondary resolved: recorded as cleared under the current hypothesis."
            : "Injury resolved.");
  }

  @PostMapping("/errors")
  ModelAndView markEnteredInError(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      Forms.EntryInErrorForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    MarkEnteredInError command = in.build(() -> new MarkEnteredInError(id, form.eventId(), form.reason()));
    return respond(user, id, in, command, "error-" + form.eventId(), form, flash,
        position -> "Entry marked in error. It stays on the timeline, struck through.");
  }

  @PostMapping("/closure")
  ModelAndView close(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      Forms.ClosureForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    CloseCase command = in.build(() -> new CloseCase(id, in.date("closedOn", form.closedOn()), form.reason(),
        "true".equals(form.closeOpenInjuriesAsUnresolved())));
    return respond(user, id, in, command, "closure", form, flash, position -> "Case closed.");
  }

  @PostMapping("/reopening")
  ModelAndView reopen(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      Forms.ReopeningForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    ReopenCase command = in.build(() -> new ReopenCase(id, in.date("reopenedOn", form.reopenedOn()), form.reason()));
    return respond(user, id, in, command, "reopening", form, flash, position -> "Case reopened.");
  }

  private CaseId authorised(CasebookUser user, UUID caseId) {
    CaseId id = new CaseId(caseId);
    access.authoriseCase(user, id);
    return id;
  }

  /**
   * Records the form's command: on success back to the case with the notice, otherwise (refused,
   * or a repeat of an entry already recorded) as {@link CasePages#refused} answers.
   */
  private ModelAndView respond(CasebookUser user, CaseId id, FormInput input, Object command, String formKey,
      Object form, RedirectAttributes flash, Function<RecordedPosition, String> notice) {
    RecordedPosition position = recorder.record(id.toString(), input, command);
    if (position == null) {
      return pages.refused(user, id, formKey, form, input);
    }
    flash.addFlashAttribute("notice", notice.apply(position));
    return new ModelAndView("redirect:/cases/" + id.value());
  }

}
