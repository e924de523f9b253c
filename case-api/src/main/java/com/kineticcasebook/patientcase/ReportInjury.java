package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Condition;
import com.kineticcasebook.reference.ConditionCatalogue;
import com.kineticcasebook.reference.Side;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reports an injury of the case; the condition, when named, comes from the built-in catalogue. */
public record ReportInjury(
    @TargetAggregateIdentifier CaseId caseId, InjuryId injuryId, BodyRegion bodyRegion, Side side,
    String conditionCode, String description, LocalDate onsetOn, Integer painScore) {

  public ReportInjury {
    Optional<Condition> condition = ConditionCatalogue.find(conditionCode);
    Violations check = Violations.check()
        .required("caseId", caseId)
        .required("injuryId", injuryId)
        .required("bodyRegion", bodyRegion)
        .required("side", side)
        .text("description", description, 2000)
        .required("onsetOn", onsetOn)
        .required("painScore", painScore)
        .range("painScore", painScore, 0, 10);
    if (conditionCode != null && condition.isEmpty()) {
      check.add("conditionCode", "is not in the condition catalogue");
    } else if (condition.isPresent() && bodyRegion != null && condition.get().bodyRegion() != bodyRegion) {
      check.add("conditionCode", "is a condition of the " + condition.get().bodyRegion() + " region, not " + bodyRegion);
    }
    check.throwIfAny();
  }
}
