/**
 * Recording and reading cases, through the JSON API and the clinician's pages alike: one endpoint
 * and one quick form per command of the PatientCase aggregate, the caseload, the case and its
 * timeline, gait videos, and the reference data the forms and integrations use.
 */
@ApplicationModule(displayName = "Casework", allowedDependencies = {"access", "eventstore", "idempotency", "operations", "pages", "problem"})
package com.kineticcasebook.casework;

import org.springframework.modulith.ApplicationModule;
