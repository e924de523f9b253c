/** Queries about a clinic's cases (the caseload) and their answers, served by case-projections. */
package com.kineticcasebook.caseload;
