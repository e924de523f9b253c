/** The case directory: which clinic a case belongs to, and the caseload list built from it. */
package com.kineticcasebook.projections.casedirectory;
