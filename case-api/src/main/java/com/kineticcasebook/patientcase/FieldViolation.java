package com.kineticcasebook.patientcase;

/** One invalid field of a command, named as in the API's JSON (nested: {@code findings.cadenceSpm}). */
public record FieldViolation(String field, String message) {}
