/** The outcomes dashboard: clearance of secondary injuries after primary treatment, and its breakdowns. */
package com.kineticcasebook.projections.outcomes;
