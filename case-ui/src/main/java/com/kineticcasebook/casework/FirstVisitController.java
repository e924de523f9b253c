package com.kineticcasebook.casework;

import com.kineticcasebook.IdFactory;
import com.kineticcasebook.access.CaseAccess;
import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.pages.PageController;
import com.kineticcasebook.patientcase.AttachGaitVideo;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.HypothesisePrimary;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.RecordingId;
import com.kineticcasebook.patientcase.StartTreatment;
import com.kineticcasebook.patientcase.TreatmentId;
import com.kineticcasebook.problem.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The first visit of a new case, step by step: the injuries (several at once, on the body chart),
 * a gait filming with its video, the hypothesis among the injuries just entered, and a first
 * treatment. Each step is shown at its own address and posted there; it is recorded all or none
 * in one transaction ({@link CaseRecorder}), a step sent twice is recorded once, and a refused step
 * comes back to its address with every problem at the top of its form. Each step can be skipped.
 */
@PageController
@RequestMapping("/cases/{caseId}/first-visit")
class FirstVisitController {

  static final String VIEW = "casework/first-visit";

  /** The steps in order: their address, their title, the form key of their inputs. */
  enum Step {
    INJURIES("injuries", "Injuries"),
    GAIT("gait", "Gait filming"),
    HYPOTHESIS("hypothesis", "Hypothesis"),
    TREATMENT("treatment", "First treatment");

    final String path;
    final String title;

    Step(String path, String title) {
      this.path = path;
      this.title = title;
    }

    public String getPath() {
      return path;
    }

    public String getTitle() {
      return title;
    }

    static Step of(String path) {
      for (Step step : values()) {
        if (step.path.equals(path)) {
          return step;
        }
      }
      return null;
    }

    /** Where the clinician goes after this step: the next step, or the case page after the last. */
    String next(CaseId caseId) {
      return ordinal() + 1 < values().length ? address(caseId, values()[ordinal() + 1]) : "/cases/" + caseId.value();
    }
  }

  /** How many injury rows the injuries step shows at first. */
  static final int INJURY_ROWS = 3;

  private final CaseAccess access;
  private final CasePages pages;
  private final CaseRecorder recorder;
  private final VideoStore videos;
  private final IdFactory ids;
  private final Clock clock;

  FirstVisitController(CaseAccess access, CasePages pages, CaseRecorder recorder, VideoStore videos, IdFactory ids,
      Clock clock) {
    this.access = access;
    this.pages = pages;
    this.recorder = recorder;
    this.videos = videos;
    this.ids = ids;
    this.clock = clock;
  }

  static String address(CaseId caseId, Step step) {
    return "/cases/" + caseId.value() + "/first-visit/" + step.path;
  }

  @GetMapping
  ModelAndView start(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId) {
    CaseId id = authorised(user, caseId);
    return new ModelAndView("redirect:" + address(id, Step.INJURIES));
  }

  @GetMapping("/{step}")
  ModelAndView show(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @PathVariable String step,
      @RequestParam(name = "rows", required = false) Integer rows) {
    CaseId id = authorised(user, caseId);
    Step shown = Step.of(step);
    if (shown == null) {
      throw new ApiException(com.kineticcasebook.problem.Problems.notFound("step"));
    }
    ModelAndView mav = pages.step(user, id, VIEW, shown.path);
    LocalDate today = LocalDate.now(clock);
    int wanted = Math.max(INJURY_ROWS, Math.min(rows == null ? 0 : rows, Forms.InjuriesForm.MAX_ROWS));
    Forms.InjuriesForm typed = mav.getModel().get("injuriesForm") instanceof Forms.InjuriesForm form ? form
        : Forms.InjuriesForm.blank(today, 0);
    mav.addObject("injuriesForm", typed.atLeast(Math.min(Forms.InjuriesForm.MAX_ROWS,
        Math.max(wanted, typed.injuries().size())), today));
    if (shown == Step.TREATMENT && mav.getModel().get("treatmentForm") instanceof Forms.TreatmentForm treatment
        && treatment.targetInjuryId().isBlank() && mav.getModel().get("errors") instanceof java.util.Map<?, ?> errors
        && errors.isEmpty() && mav.getModel().get("page") instanceof CasePage page) {
      // The first treatment is most often of the primary just named: it is chosen already.
      page.injuries().stream().filter(injury -> injury.open() && "PRIMARY".equals(injury.role())).findFirst()
          .ifPresent(primary -> mav.addObject("treatmentForm", new Forms.TreatmentForm(primary.injuryId().toString(),
              treatment.modality(), treatment.plan(), treatment.startedOn())));
    }
    mav.addObject("step", shown);
    mav.addObject("steps", Step.values());
    mav.addObject("next", shown.next(id));
    return mav;
  }

  @PostMapping("/injuries")
  ModelAndView injuries(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      @RequestParam MultiValueMap<String, String> params, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    Forms.InjuriesForm form = Forms.InjuriesForm.of(params);
    FormInput in = new FormInput();
    List<CaseRecorder.Part> parts = new ArrayList<>();
    for (int row = 0; row < form.injuries().size(); row++) {
      Forms.InjuryForm typed = form.injuries().get(row);
      if (Forms.InjuriesForm.isBlank(typed)) {
        continue;
      }
      String p = "injuries[" + row + "].";
      parts.add(new CaseRecorder.Part(p, FormCommands.injury(in, p, id, new InjuryId(ids.next()), typed)));
    }
    if (parts.isEmpty()) {
      in.refuse("Nothing to record: choose where it hurts for at least one injury, or skip this step.");
      return pages.refusedAt(address(id, Step.INJURIES), Step.INJURIES.path, form, in);
    }
    int count = parts.size();
    return respond(id, in, parts, Step.INJURIES, form, flash,
        count == 1 ? "1 injury reported." : count + " injuries reported.");
  }

  @PostMapping("/gait")
  ModelAndView gait(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, Forms.GaitForm form,
      @RequestParam(name = "video", required = false) MultipartFile video, RedirectAttributes flash)
      throws IOException {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    RecordingId recordingId = new RecordingId(ids.next());
    VideoStore.Stored stored = null;
    if (video != null && !video.isEmpty()) {
      try (InputStream body = video.getInputStream()) {
        stored = videos.store(body, video.getContentType(), video.getSize());
      } catch (ApiException refused) {
        in.invalid("video", videoMessage(refused));
      }
    }
    List<CaseRecorder.Part> parts = new ArrayList<>();
    parts.add(new CaseRecorder.Part("", FormCommands.gait(in, id, recordingId, form)));
    if (stored != null) {
      parts.add(new CaseRecorder.Part("video.", new AttachGaitVideo(id, recordingId, stored.video())));
    }
    ModelAndView answer = respond(id, in, parts, Step.GAIT, form, flash,
        stored != null ? "Gait filming recorded with its video." : "Gait filming recorded.");
    if (stored != null && (in.recordedBefore() != null || !in.errors().isEmpty() || in.refusal() != null)) {
      videos.undo(stored);
    }
    return answer;
  }

  @PostMapping("/hypothesis")
  ModelAndView hypothesis(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      Forms.HypothesisForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    HypothesisePrimary command = in.build(() -> FormCommands.hypothesis(in, id, form, LocalDate.now(clock)));
    return respond(id, in, List.of(new CaseRecorder.Part("", command)), Step.HYPOTHESIS, form, flash,
        "Hypothesis recorded.");
  }

  @PostMapping("/treatment")
  ModelAndView treatment(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      Forms.TreatmentForm form, RedirectAttributes flash) {
    CaseId id = authorised(user, caseId);
    FormInput in = new FormInput();
    StartTreatment command = in.build(() -> FormCommands.treatment(in, id, new TreatmentId(ids.next()), form));
    return respond(id, in, List.of(new CaseRecorder.Part("", command)), Step.TREATMENT, form, flash,
        "Treatment started. The first visit is recorded.");
  }

  private CaseId authorised(CasebookUser user, UUID caseId) {
    CaseId id = new CaseId(caseId);
    access.authoriseCase(user, id);
    return id;
  }

  /**
   * Records the step's commands all or none: on success on to the next step with the notice; a
   * refusal back to the step's own address, a repeat to where the first sending led.
   */
  private ModelAndView respond(CaseId id, FormInput in, List<CaseRecorder.Part> parts, Step step, Object form,
      RedirectAttributes flash, String notice) {
    RecordedPosition position = recorder.record(id.toString(), in, parts, step.next(id));
    if (position == null) {
      return pages.refusedAt(address(id, step), step.path, form, in);
    }
    flash.addFlashAttribute("notice", notice);
    return new ModelAndView("redirect:" + step.next(id));
  }

  /** The store's refusal in the words of the form, as the case page's upload says it. */
  private static String videoMessage(ApiException refused) {
    HttpStatus status = HttpStatus.resolve(refused.problem().getStatus());
    if (status == HttpStatus.BAD_REQUEST) {
      return "This is not a playable MP4, WebM or QuickTime video.";
    }
    if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
      return "Must be an MP4, WebM or QuickTime video.";
    }
    return refused.problem().getDetail();
  }
}
