/** The case directory: which clinic a case belongs to, consistent with every write. */
package com.kineticcasebook.projections.casedirectory;
