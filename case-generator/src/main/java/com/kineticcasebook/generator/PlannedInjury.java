package com.kineticcasebook.generator;

import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.ConditionCatalogue;
import com.kineticcasebook.reference.Side;
import java.time.LocalDate;
import java.util.Locale;

/** An injury the generator has reported, with what later steps of the case need to know about it. */
record PlannedInjury(InjuryId id, String conditionCode, Side side, LocalDate onsetOn, int painScore) {

  BodyRegion region() {
    return ConditionCatalogue.find(conditionCode).orElseThrow().bodyRegion();
  }

  /** "left calf (gastrocnemius or soleus) strain", for rationales and notes. */
  String describe() {
    String condition = ConditionCatalogue.find(conditionCode).orElseThrow().label().toLowerCase(Locale.ROOT);
    return switch (side) {
      case LEFT -> "left " + condition;
      case RIGHT -> "right " + condition;
      case BILATERAL -> "bilateral " + condition;
      case NOT_APPLICABLE -> condition;
    };
  }
}
