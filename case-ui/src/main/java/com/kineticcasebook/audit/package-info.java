/**
 * The auditor's replay of a case, as JSON and as pages: its events as recorded, the hash chain's
 * verification, its state as of any instant, and the access and administration logs.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"access", "eventstore", "pages", "problem"})
package com.kineticcasebook.audit;

import org.springframework.modulith.ApplicationModule;
