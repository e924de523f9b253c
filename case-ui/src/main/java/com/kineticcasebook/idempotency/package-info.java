/**
 * Requests that must not record twice: the API's Idempotency-Key (a repeated request returns the
 * first response), and the records the pages use for the same purpose, each rendered form's key
 * and the entries a user made in the last moments.
 */
@ApplicationModule(displayName = "Idempotency", allowedDependencies = {"access", "eventstore", "http", "problem"})
package com.kineticcasebook.idempotency;

import org.springframework.modulith.ApplicationModule;
