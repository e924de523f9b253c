package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Condition;
import com.kineticcasebook.reference.ConditionCatalogue;
import com.kineticcasebook.reference.Side;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reports an injury of the case. The condition is optional because a clinician may record the
 * pain before naming it; when named it comes from the built-in catalogue and must sit in the
 * reported body region, so dashboards can trust the region of every condition.
 */
public record ReportInjury(
    @TargetAggregateIdentifier CaseId caseId, InjuryId injuryId, BodyRegion bodyRegion, Side side,
    String conditionCode, String description, LocalDate onsetOn, Integer painScore) implements CaseCommand {

  public ReportInjury {
    conditionCode = Violations.normalise(conditionCode);
    description = Violations.normalise(description);
  }

  @Override
  public List<FieldViolation> violations() {
    Violations check = Violations.check()
        .required("caseId", caseId)
        .required("injuryId", injuryId)
        .required("bodyRegion", bodyRegion)
        .required("side", side);
    if (conditionCode != null) {
      Optional<Condition> condition = ConditionCatalogue.find(conditionCode);
      if (condition.isEmpty()) {
        check.add("conditionCode", "is not a condition of the catalogue");
      } else if (bodyRegion != null && condition.get().bodyRegion() != bodyRegion) {
        check.add("conditionCode", "is a condition of body region " + condition.get().bodyRegion()
            + ", not of " + bodyRegion);
      }
    }
    check.text("description", description, 1, 2000)
        .required("onsetOn", onsetOn)
        .required("painScore", painScore)
        .range("painScore", painScore, 0, 10);
    return check.found();
  }
}
