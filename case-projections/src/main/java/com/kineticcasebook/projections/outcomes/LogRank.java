package com.kineticcasebook.projections.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The log-rank test of whether time to clearance differs between groups (the primary's treatment
 * modality, the clinician): at each day with a clearance, the clearances each group had are set
 * against those it would have had if every group cleared alike, and the sum of the differences is
 * weighed by its variance (hypergeometric, with ties). The convention of R's
 * {@code survival::survdiff}. A small p-value says the curves differ; it says nothing of why.
 */
final class LogRank {

  record Result(List<String> groups, double chiSquare, int degreesOfFreedom, double pValue) {}

  private LogRank() {}

  /** Null with fewer than two groups: there is nothing to compare. */
  static Result test(Map<String, List<KaplanMeier.Observation>> byGroup) {
    List<String> groups = new ArrayList<>(byGroup.keySet());
    int k = groups.size();
    if (k < 2) {
      return null;
    }
    // Per day and group: how many cleared and how many left follow-up that day.
    TreeMap<Integer, double[][]> byDay = new TreeMap<>();
    double[] atRisk = new double[k];
    for (int g = 0; g < k; g++) {
      for (KaplanMeier.Observation o : byGroup.get(groups.get(g))) {
        double[][] counts = byDay.computeIfAbsent(o.days(), day -> new double[2][k]);
        counts[0][g] += o.cleared() ? 1 : 0;
        counts[1][g]++;
        atRisk[g]++;
      }
    }
    return test(groups, byDay, atRisk);
  }

  /**
   * From the follow-up already counted: per day, for each group (in the order of {@code groups})
   * how many cleared ({@code [0][g]}) and how many left follow-up ({@code [1][g]}); {@code atRisk}
   * the size of each group at the start.
   */
  static Result test(List<String> groups, TreeMap<Integer, double[][]> byDay, double[] atRisk) {
    int k = groups.size();
    if (k < 2) {
      return null;
    }
    double[] observedMinusExpected = new double[k];
    double[][] variance = new double[k][k];
    for (double[][] counts : byDay.values()) {
      double[] cleared = counts[0];
      double n = sum(atRisk);
      double d = sum(cleared);
      if (d > 0) {
        for (int g = 0; g < k; g++) {
          observedMinusExpected[g] += cleared[g] - d * atRisk[g] / n;
        }
        if (n > 1) {
          double ties = d * (n - d) / (n - 1);
          for (int g = 0; g < k; g++) {
            for (int h = 0; h < k; h++) {
              variance[g][h] += ties * atRisk[g] / n * ((g == h ? 1.0 : 0.0) - atRisk[h] / n);
            }
          }
        }
      }
      for (int g = 0; g < k; g++) {
        atRisk[g] -= counts[1][g];
      }
    }
    // The k differences add up to zero: any k - 1 of them carry the whole information.
    RealMatrix v = MatrixUtils.createRealMatrix(variance).getSubMatrix(0, k - 2, 0, k - 2);
    RealVector u = MatrixUtils.createRealVector(observedMinusExpected).getSubVector(0, k - 1);
    double chiSquare = u.dotProduct(new LUDecomposition(v).getSolver().solve(u));
    int degreesOfFreedom = k - 1;
    double pValue = 1.0 - new ChiSquaredDistribution(degreesOfFreedom).cumulativeProbability(chiSquare);
    return new Result(List.copyOf(groups), chiSquare, degreesOfFreedom, pValue);
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }
}
