package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.Side;

/**
 * What the clinician saw on a gait video. Only {@code antalgic} is required; a null measure was
 * not taken.
 *
 * @param stanceAsymmetryPct difference in stance time between the sides, percent
 * @param pushOffDelayMs how much later push-off comes on the guarded side
 * @param hipHikeSide the side whose hip hikes, if any
 * @param trunkLeanCm lateral trunk lean
 * @param cadenceSpm steps per minute
 */
public record GaitFindings(
    Boolean antalgic, Double stanceAsymmetryPct, Integer pushOffDelayMs, Side hipHikeSide, Double trunkLeanCm,
    Integer cadenceSpm) {

  /** Adds this object's invalid fields to a command's check, each prefixed with "findings.". */
  void validate(Violations check) {
    check.required("findings.antalgic", antalgic)
        .range("findings.stanceAsymmetryPct", stanceAsymmetryPct, 0, 100)
        .range("findings.pushOffDelayMs", pushOffDelayMs, 0, 2000)
        .that("findings.hipHikeSide", hipHikeSide, side -> side == Side.LEFT || side == Side.RIGHT,
            "must be LEFT or RIGHT when given")
        .range("findings.trunkLeanCm", trunkLeanCm, 0, 50)
        .range("findings.cadenceSpm", cadenceSpm, 60, 260);
  }
}
