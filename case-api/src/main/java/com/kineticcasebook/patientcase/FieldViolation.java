package com.kineticcasebook.patientcase;

/**
 * One invalid field of a command, named as in the API's JSON: nested as {@code findings.cadenceSpm},
 * list items as {@code secondaryInjuryIds[1]}.
 */
public record FieldViolation(String field, String message) {}
