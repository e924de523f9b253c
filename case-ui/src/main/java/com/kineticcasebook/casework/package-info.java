/** The clinician's pages: the caseload, opening a case, and the case page with its quick forms. */
package com.kineticcasebook.casework;
