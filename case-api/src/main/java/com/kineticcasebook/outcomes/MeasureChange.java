package com.kineticcasebook.outcomes;

import com.kineticcasebook.reference.OutcomeInstrument;
import java.util.UUID;

/** The first and latest score of one instrument on one injury. */
public record MeasureChange(UUID caseId, UUID clinicId, UUID injuryId, java.time.LocalDate injuryOnsetOn,
    OutcomeInstrument instrument, double firstScore, double latestScore, int measures) {

  /** Improvement in the instrument's better direction (negative when worse). */
  public double improvement() {
    return instrument.higherIsBetter() ? latestScore - firstScore : firstScore - latestScore;
  }

  public boolean improvedByMcid() {
    return measures >= 2 && improvement() >= instrument.mcid();
  }
}
