package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.reference.Condition;
import com.kineticcasebook.reference.ConditionCatalogue;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The caseload's search: a clinician types part of a patient reference or of a condition's name
 * ("calf", "plantar"). Conditions are matched against the catalogue here, so the table only keeps
 * each case's condition codes, and a renamed label never needs a rebuild.
 */
final class CaseloadSearch {

  private CaseloadSearch() {}

  /** The condition codes of a case's injuries, space-delimited on both sides so that a code matches whole. */
  static String conditionCodes(CaseView view) {
    String codes = view.injuries().stream()
        .map(CaseView.Injury::conditionCode)
        .filter(code -> code != null)
        .distinct()
        .collect(Collectors.joining(" "));
    return codes.isEmpty() ? "" : " " + codes + " ";
  }

  /**
   * The condition code of the primary injury; null without a hypothesis, and null when the primary
   * injury names no condition (the code is optional), so the injury is found before its code is read.
   */
  static String primaryCondition(CaseView view) {
    return view.injuries().stream()
        .filter(injury -> injury.injuryId().equals(view.primaryInjuryId()))
        .findFirst()
        .map(CaseView.Injury::conditionCode)
        .orElse(null);
  }

  /** The catalogue codes whose label or code contains the text, ignoring case. */
  static List<String> matchingConditions(String text) {
    String wanted = text.toLowerCase(Locale.ROOT);
    String asCode = wanted.replace(' ', '_');
    return ConditionCatalogue.all().stream()
        .filter(condition -> condition.label().toLowerCase(Locale.ROOT).contains(wanted)
            || condition.code().toLowerCase(Locale.ROOT).contains(asCode))
        .map(Condition::code)
        .toList();
  }

  /** Appends the search's condition to a caseload WHERE clause. */
  static void where(String text, StringBuilder where, List<Object> arguments) {
    where.append(" AND (LOWER(patient_ref) LIKE ? ESCAPE '\\'");
    arguments.add("%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
    for (String code : matchingConditions(text)) {
      where.append(" OR condition_codes LIKE ?");
      arguments.add("% " + code + " %");
    }
    where.append(')');
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
