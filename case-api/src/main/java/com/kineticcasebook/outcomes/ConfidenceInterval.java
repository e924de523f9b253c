package com.kineticcasebook.outcomes;

/**
 * A 95 % confidence interval beside a figure. A bound is null where the data cannot give it (the
 * upper bound of a median whose curve's lower band never falls to one half, say).
 */
public record ConfidenceInterval(Double lower, Double upper) {}
