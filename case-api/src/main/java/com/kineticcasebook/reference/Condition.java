package com.kineticcasebook.reference;

/**
 * A condition of the built-in catalogue.
 *
 * @param code stable UPPER_SNAKE_CASE code; events store it, so it is never renamed
 * @param bodyRegion the region an injury with this condition must be reported in
 * @param icd10 WHO ICD-10 code
 * @param snomed SNOMED CT concept id, or null where it has not been verified
 */
public record Condition(String code, String label, BodyRegion bodyRegion, String icd10, String snomed) {}
