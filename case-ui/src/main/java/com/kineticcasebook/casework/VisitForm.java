package com.kineticcasebook.casework;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * What the clinician typed into the visit form, as text. Inputs are named by the visit's paths, one
 * row per open injury: {@code outcomeMeasures[2].score} is the score of the third open injury's row,
 * {@code resolutions[2].injuryId} its "resolved" box, and refusals are shown under the same names.
 */
public record VisitForm(
    String visitedOn, String note, List<MeasureRow> measures, String treatmentTargetInjuryId,
    String treatmentModality, String treatmentPlan, List<String> resolvedInjuryIds) implements Serializable {

  /** The inputs the form shows; a refusal of any other field is said at the top of the form. */
  private static final Pattern INPUTS = Pattern.compile(
      "visitedOn|note|outcomeMeasures\\[\\d+]\\.(injuryId|instrument|score)|treatments\\[0]\\.(targetInjuryId|modality|plan)"
          + "|resolutions\\[\\d+]\\.injuryId");

  /** Rows are read until the first index without its injury, so a hand-made request cannot ask for many. */
  private static final int MAX_ROWS = 200;

  public record MeasureRow(String injuryId, String instrument, String score) implements Serializable {

    boolean isEmpty() {
      return blank(instrument) && blank(score);
    }
  }

  static VisitForm blank(LocalDate today) {
    return new VisitForm(today.toString(), "", List.of(), "", "", "", List.of());
  }

  static VisitForm of(MultiValueMap<String, String> params) {
    List<MeasureRow> measures = new ArrayList<>();
    List<String> resolved = new ArrayList<>();
    for (int row = 0; row < MAX_ROWS && params.containsKey("outcomeMeasures[" + row + "].injuryId"); row++) {
      String injuryId = params.getFirst("outcomeMeasures[" + row + "].injuryId");
      measures.add(new MeasureRow(injuryId, params.getFirst("outcomeMeasures[" + row + "].instrument"),
          params.getFirst("outcomeMeasures[" + row + "].score")));
      String resolution = params.getFirst("resolutions[" + row + "].injuryId");
      resolved.add(blank(resolution) ? null : resolution);
    }
    return new VisitForm(params.getFirst("visitedOn"), params.getFirst("note"), measures,
        params.getFirst("treatments[0].targetInjuryId"), params.getFirst("treatments[0].modality"),
        params.getFirst("treatments[0].plan"), resolved.stream().map(id -> id == null ? "" : id).toList());
  }

  static boolean hasInput(String field) {
    return INPUTS.matcher(field).matches();
  }

  /** The row typed for an injury, for showing it again; empty when none was. */
  public MeasureRow measureOf(String injuryId) {
    return measures.stream().filter(row -> injuryId.equals(row.injuryId())).findFirst()
        .orElse(new MeasureRow(injuryId, "", ""));
  }

  public boolean resolves(String injuryId) {
    return resolvedInjuryIds.contains(injuryId);
  }

  boolean hasTreatment() {
    return !blank(treatmentTargetInjuryId) || !blank(treatmentModality) || !blank(treatmentPlan);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
