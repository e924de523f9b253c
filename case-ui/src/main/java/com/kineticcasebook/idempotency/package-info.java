/**
 * Idempotency-Key handling: a repeated request returns the first response and records nothing twice.
 */
@ApplicationModule(displayName = "Idempotency", allowedDependencies = {"access", "eventstore", "http", "problem"})
package com.kineticcasebook.idempotency;

import org.springframework.modulith.ApplicationModule;
