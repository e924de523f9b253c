package com.kineticcasebook.casework;

import com.kineticcasebook.IdFactory;
import com.kineticcasebook.access.CaseAccess;
import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.pages.PageController;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.RecordVisit;
import com.kineticcasebook.patientcase.TreatmentId;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.TreatmentModality;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's visit form: one date, then any of a score per open injury, a new treatment,
 * injuries found resolved and a note, recorded in one submit as one {@link RecordVisit}, or
 * refused as a whole with every message under its field.
 */
@PageController
@RequestMapping("/cases/{caseId}")
class VisitPageController {

  private final CaseAccess access;
  private final CasePages pages;
  private final CaseRecorder recorder;
  private final IdFactory ids;

  VisitPageController(CaseAccess access, CasePages pages, CaseRecorder recorder, IdFactory ids) {
    this.access = access;
    this.pages = pages;
    this.recorder = recorder;
    this.ids = ids;
  }

  @PostMapping("/visits")
  ModelAndView recordVisit(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      @RequestParam MultiValueMap<String, String> params, RedirectAttributes flash) {
    CaseId id = new CaseId(caseId);
    access.authoriseCase(user, id);
    VisitForm form = VisitForm.of(params);
    FormInput in = new FormInput();
    // The command numbers only the rows that record something; the form numbers every open injury.
    List<Integer> measureRows = new ArrayList<>();
    List<Integer> resolutionRows = new ArrayList<>();
    RecordVisit command = in.build(() -> {
      List<RecordVisit.Measure> measures = new ArrayList<>();
      List<RecordVisit.Resolution> resolutions = new ArrayList<>();
      for (int row = 0; row < form.measures().size(); row++) {
        VisitForm.MeasureRow typed = form.measures().get(row);
        String path = "outcomeMeasures[" + measures.size() + "]";
        if (!typed.isEmpty()) {
          measureRows.add(row);
          measures.add(new RecordVisit.Measure(optional(in.id(path + ".injuryId", typed.injuryId())),
              in.choice(path + ".instrument", typed.instrument(), OutcomeInstrument.class),
              in.number(path + ".score", typed.score())));
        }
        String resolved = form.resolvedInjuryIds().get(row);
        if (!resolved.isBlank()) {
          resolutionRows.add(row);
          resolutions.add(new RecordVisit.Resolution(
              optional(in.id("resolutions[" + resolutions.size() + "].injuryId", resolved)), null));
        }
      }
      List<RecordVisit.Treatment> treatments = form.hasTreatment()
          ? List.of(new RecordVisit.Treatment(new TreatmentId(ids.next()),
              optional(in.id("treatments[0].targetInjuryId", form.treatmentTargetInjuryId())),
              in.choice("treatments[0].modality", form.treatmentModality(), TreatmentModality.class),
              form.treatmentPlan()))
          : List.of();
      return new RecordVisit(id, in.date("visitedOn", form.visitedOn()), form.note(), measures, treatments,
          resolutions);
    });
    RecordedPosition position = recorder.record(id.toString(), in, command);
    if (position == null) {
      in.renumber("outcomeMeasures", measureRows);
      in.renumber("resolutions", resolutionRows);
      return pages.refused(user, id, "visit", form, in);
    }
    flash.addFlashAttribute("notice", "Visit recorded.");
    return new ModelAndView("redirect:/cases/" + id.value());
  }

  private static InjuryId optional(UUID value) {
    return value == null ? null : new InjuryId(value);
  }
}
