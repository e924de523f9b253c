package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.Side;

/**
 * What the clinician saw on a gait recording: the signs of a runner guarding an injury. Only
 * {@code antalgic} is required; a null measure was not taken, which is not the same as zero.
 *
 * @param antalgic whether the gait guards a painful side
 * @param stanceAsymmetryPct difference in stance time between the sides, percent (0..100)
 * @param pushOffDelayMs how much later push-off comes on the guarded side, milliseconds (0..2000)
 * @param hipHikeSide the side whose hip hikes, LEFT or RIGHT, if any
 * @param trunkLeanCm lateral trunk lean, centimetres (0..50)
 * @param cadenceSpm steps per minute (60..260)
 */
public record GaitFindings(
    Boolean antalgic, Double stanceAsymmetryPct, Integer pushOffDelayMs, Side hipHikeSide, Double trunkLeanCm,
    Integer cadenceSpm) {

  /** Adds this object's invalid fields to a command's check, named as the nested JSON names them. */
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
