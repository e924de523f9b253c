package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A visit as the clinician thinks of it: one clinical date, and any of outcome measures, new
 * treatments, resolutions and a note. The case records it as the individual events, each dated
 * {@code visitedOn}, all in one unit of work or none; every invalid part is reported at once,
 * named by its path in the request ({@code outcomeMeasures[1].score}).
 *
 * @param note optional; blank counts as no note
 */
public record RecordVisit(
    @TargetAggregateIdentifier CaseId caseId, LocalDate visitedOn, String note, List<Measure> outcomeMeasures,
    List<Treatment> treatments, List<Resolution> resolutions) implements CaseCommand {

  /** A score taken at the visit. */
  public record Measure(InjuryId injuryId, OutcomeInstrument instrument, Double score) {}

  /** A treatment started at the visit; the id is given by whoever builds the command, as for StartTreatment. */
  public record Treatment(TreatmentId treatmentId, InjuryId targetInjuryId, TreatmentModality modality, String plan) {

    public Treatment {
      plan = Violations.normalise(plan);
    }
  }

  /** An injury found resolved at the visit. */
  public record Resolution(InjuryId injuryId, String note) {

    public Resolution {
      note = Violations.normalise(note);
    }
  }

  public RecordVisit {
    note = Violations.normalise(note);
    outcomeMeasures = outcomeMeasures == null ? List.of() : copy(outcomeMeasures);
    treatments = treatments == null ? List.of() : copy(treatments);
    resolutions = resolutions == null ? List.of() : copy(resolutions);
  }

  @Override
  public List<FieldViolation> violations() {
    Violations check = Violations.check()
        .required("caseId", caseId)
        .required("visitedOn", visitedOn())
        .optionalText("note", note(), 4000);
    for (int i = 0; i < outcomeMeasures().size(); i++) {
      String path = "outcomeMeasures[" + i + "]";
      Measure measure = outcomeMeasures().get(i);
      if (measure == null) {
        check.add(path, "is required");
        continue;
      }
      check.required(path + ".injuryId", measure.injuryId())
          .required(path + ".instrument", measure.instrument())
          .required(path + ".score", measure.score())
          .score(path + ".score", measure.instrument(), measure.score());
    }
    for (int i = 0; i < treatments().size(); i++) {
      String path = "treatments[" + i + "]";
      Treatment treatment = treatments().get(i);
      if (treatment == null) {
        check.add(path, "is required");
        continue;
      }
      check.required(path + ".treatmentId", treatment.treatmentId())
          .required(path + ".targetInjuryId", treatment.targetInjuryId())
          .required(path + ".modality", treatment.modality())
          .text(path + ".plan", treatment.plan(), 1, 4000);
    }
    for (int i = 0; i < resolutions().size(); i++) {
      String path = "resolutions[" + i + "]";
      Resolution resolution = resolutions().get(i);
      if (resolution == null) {
        check.add(path, "is required");
        continue;
      }
      check.required(path + ".injuryId", resolution.injuryId())
          .optionalText(path + ".note", resolution.note(), 2000);
    }
    if (note() == null && outcomeMeasures().isEmpty() && treatments().isEmpty() && resolutions().isEmpty()) {
      check.add("note", "is required when the visit records no outcome measure, treatment or resolution");
    }
    return check.found();
  }

  /** An unmodifiable copy that keeps null items (List.copyOf refuses them), so they are reported by their index. */
  private static <T> List<T> copy(List<T> items) {
    return items.stream().toList();
  }
}
