/**
 * The practice owner's outcome dashboards: JSON, CSV and the dashboard page, all from one query.
 */
@ApplicationModule(displayName = "Outcomes", allowedDependencies = {"access", "operations", "pages", "problem"})
package com.kineticcasebook.dashboards;

import org.springframework.modulith.ApplicationModule;
