package com.kineticcasebook.casework;

import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.caseload.CaseTimeline;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.FindCaseTimeline;
import com.kineticcasebook.caseload.FindCaseView;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.ConditionCatalogue;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Renders the case page: the case from its read models, the catalogue for the quick forms, and
 * the form that was just refused, open, with what the clinician typed and why it was refused.
 */
@Component
class CasePages {

  static final String VIEW = "casework/case";

  /** What the clinician is told when a form repeated an entry; nothing was recorded twice. */
  static final String ALREADY_RECORDED = "Already recorded: this entry was sent more than once, and the case has it once.";

  private static final String REFUSED = "refusedForm";

  /** A refused form on its way from the post to the case page. */
  record RefusedForm(String formKey, Object form, FormInput input) implements Serializable {}

  private final QueryGateway queries;
  private final UserDirectory users;
  private final Clock clock;

  CasePages(QueryGateway queries, UserDirectory users, Clock clock) {
    this.queries = queries;
    this.users = users;
    this.clock = clock;
  }

  /**
   * The case page; after a refused form (handed over by {@link #refused}) that form is open, with
   * what was typed and why it was refused, and every other form closed and blank.
   */
  ModelAndView show(CasebookUser user, CaseId caseId) {
    HttpServletRequest request = currentRequest();
    Map<String, ?> flash = request == null ? null : RequestContextUtils.getInputFlashMap(request);
    if (flash != null && flash.get(REFUSED) instanceof RefusedForm refused) {
      return page(user, caseId, refused.formKey(), refused.form(), refused.input(), HttpStatus.OK);
    }
    return page(user, caseId, null, null, new FormInput(), HttpStatus.OK);
  }

  /**
   * The answer to a form that recorded nothing. A refused form goes back to the case page's own
   * address (Post/Redirect/Get), where {@link #show} opens it again: {@code formKey} names the form
   * (as the template's {@code openForm} and the prefix of its input ids), {@code form} holds what
   * was typed. Reloading that page never sends the form again. A form that repeats an entry
   * recorded before goes to where that entry is shown, saying so.
   */
  ModelAndView refused(CasebookUser user, CaseId caseId, String formKey, Object form, FormInput input) {
    return refusedAt("/cases/" + caseId.value(), formKey, form, input);
  }

  /**
   * As {@link #refused}, for a form shown at another address of the case (a step of the first
   * visit): the refused form goes back to {@code address}, whose page reads it with {@link #step}.
   */
  ModelAndView refusedAt(String address, String formKey, Object form, FormInput input) {
    HttpServletRequest request = currentRequest();
    if (input.recordedBefore() != null) {
      RequestContextUtils.getOutputFlashMap(request).put("notice", ALREADY_RECORDED);
      return new ModelAndView("redirect:" + input.recordedBefore());
    }
    RequestContextUtils.getOutputFlashMap(request).put(REFUSED, new RefusedForm(formKey, form, input));
    return new ModelAndView("redirect:" + address + "#" + formKey + "-errors");
  }

  /**
   * A step of the first visit ({@code view} its template): the case's model as the case page has
   * it, and after a refusal the step's form with what was typed and why it was refused.
   */
  ModelAndView step(CasebookUser user, CaseId caseId, String view, String formKey) {
    HttpServletRequest request = currentRequest();
    Map<String, ?> flash = request == null ? null : RequestContextUtils.getInputFlashMap(request);
    ModelAndView mav = flash != null && flash.get(REFUSED) instanceof RefusedForm refused
        && refused.formKey().equals(formKey)
        ? page(user, caseId, refused.formKey(), refused.form(), refused.input(), HttpStatus.OK)
        : page(user, caseId, formKey, null, new FormInput(), HttpStatus.OK);
    mav.setViewName(view);
    return mav;
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest() : null;
  }

  private ModelAndView page(CasebookUser user, CaseId caseId, String formKey, Object form, FormInput input,
      HttpStatus status) {
    CaseView view = queries.query(new FindCaseView(caseId), ResponseTypes.optionalInstanceOf(CaseView.class)).join()
        .orElseThrow(CasePages::notYetProjected);
    CaseTimeline timeline = queries.query(new FindCaseTimeline(caseId),
        ResponseTypes.optionalInstanceOf(CaseTimeline.class)).join().orElseThrow(CasePages::notYetProjected);
    String clinic = users.clinicsOf(user).stream().filter(c -> c.clinicId().equals(view.clinicId()))
        .map(UserDirectory.Clinic::name).findFirst().orElse("");
    Map<String, String> names = new HashMap<>();
    CasePage page = new CasePageAssembler(clock.getZone(), id -> names.computeIfAbsent(id, this::userName))
        .assemble(view, timeline, clinic);

    LocalDate today = LocalDate.now(clock);
    ModelAndView mav = new ModelAndView(VIEW);
    mav.setStatus(status);
    mav.addObject("page", page);
    mav.addObject("today", today);
    mav.addObject("chart", BodyChart.views(page.chartInjuries()));
    mav.addObject("regions", BodyRegion.values());
    mav.addObject("conditions", ConditionCatalogue.all());
    mav.addObject("instruments", OutcomeInstrument.values());
    mav.addObject("regionOptions", options(List.of(BodyRegion.values()), BodyRegion::label));
    mav.addObject("sideOptions", options(List.of(Side.values()), Side::label));
    mav.addObject("hipHikeOptions", options(List.of(Side.LEFT, Side.RIGHT), Side::label));
    mav.addObject("instrumentOptions", options(List.of(OutcomeInstrument.values()),
        instrument -> instrument.name() + " · " + instrument.label()));
    mav.addObject("modalityOptions", options(List.of(TreatmentModality.values()), TreatmentModality::label));
    mav.addObject("viewOptions", options(List.of(GaitView.values()), GaitView::label));
    mav.addObject("surfaceOptions", options(List.of(RunningSurface.values()), RunningSurface::label));

    mav.addObject("injuryForm", Forms.InjuryForm.blank(today));
    mav.addObject("gaitForm", Forms.GaitForm.blank(today));
    mav.addObject("hypothesisForm", Forms.HypothesisForm.blank(today));
    mav.addObject("treatmentForm", Forms.TreatmentForm.blank(today));
    mav.addObject("measureForm", Forms.MeasureForm.blank(today));
    mav.addObject("resolutionForm", Forms.ResolutionForm.blank(today));
    mav.addObject("entryInErrorForm", Forms.EntryInErrorForm.blank());
    mav.addObject("closureForm", Forms.ClosureForm.blank(today));
    mav.addObject("reopeningForm", Forms.ReopeningForm.blank(today));
    mav.addObject("visitForm", VisitForm.blank(today));
    mav.addObject("openForm", formKey == null ? "" : formKey);
    mav.addObject("idempotencyKey", UUID.randomUUID().toString());
    Map<String, String> errors = inFormOrder(form, input.errors());
    String formError = input.refusal();
    if (form != null) {
      mav.addObject(attributeName(form), form);
      String others = misplaced(form, errors);
      formError = formError != null ? formError : others;
      errors.keySet().removeIf(hasInput(form).negate());
    }
    mav.addObject("errors", errors);
    mav.addObject("noErrors", Map.of());
    mav.addObject("formError", formError);
    return mav;
  }

  /** The errors in the order of the form's inputs, so the summary reads like the form; others after. */
  private static Map<String, String> inFormOrder(Object form, Map<String, String> errors) {
    Map<String, String> ordered = new LinkedHashMap<>();
    if (form != null) {
      for (var input : form.getClass().getRecordComponents()) {
        if (errors.containsKey(input.getName())) {
          ordered.put(input.getName(), errors.get(input.getName()));
        }
      }
    }
    errors.forEach(ordered::putIfAbsent);
    return ordered;
  }

  private static <E extends Enum<E>> List<CasePage.Option> options(List<E> values, Function<E, String> label) {
    return values.stream().map(value -> new CasePage.Option(value.name(), label.apply(value))).toList();
  }

  /** "InjuryForm" is the model attribute "injuryForm". */
  static String attributeName(Object form) {
    String simple = form.getClass().getSimpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }

  /**
   * Problems with fields the form has no input for (the case refused an id it was sent) are said
   * at the top of the form, so that no message is lost.
   */
  private static String misplaced(Object form, Map<String, String> errors) {
    Predicate<String> hasInput = hasInput(form);
    String others = errors.entrySet().stream().filter(e -> !hasInput.test(e.getKey()))
        .map(Map.Entry::getValue).distinct().collect(Collectors.joining(" "));
    return others.isEmpty() ? null : others;
  }

  private static Set<String> inputsOf(Object form) {
    return Arrays.stream(form.getClass().getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
  }

  /** Whether a field has its own input on the form: the visit form's rows are numbered, the others are its components. */
  private static Predicate<String> hasInput(Object form) {
    if (form instanceof VisitForm) {
      return VisitForm::hasInput;
    }
    if (form instanceof Forms.InjuriesForm) {
      return Forms.InjuriesForm::hasInput;
    }
    Set<String> inputs = inputsOf(form);
    // The first visit's gait step takes the filming's video on the same form.
    return form instanceof Forms.GaitForm ? field -> inputs.contains(field) || field.equals("video") : inputs::contains;
  }

  private String userName(String userId) {
    try {
      return users.findById(UUID.fromString(userId)).map(CasebookUser::getUsername).orElse("former user");
    } catch (IllegalArgumentException notAnId) {
      return "unknown";
    }
  }

  /** The case exists (its clinic is known) but its view has not been built yet. */
  private static ApiException notYetProjected() {
    return new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent",
        "Case not ready yet", "The case was recorded but is not shown yet. Reload the page in a moment."));
  }
}
