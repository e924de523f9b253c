/** The case view, timeline and outcome rows: one fold over a case's events, used live and for as-of replay. */
package com.kineticcasebook.projections.caseview;
