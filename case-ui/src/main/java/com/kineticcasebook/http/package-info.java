/**
 * Cross-cutting HTTP concerns: correlation ids, strict JSON and request size limits.
 */
@ApplicationModule(displayName = "Request handling", allowedDependencies = {"eventstore", "problem"})
package com.kineticcasebook.http;

import org.springframework.modulith.ApplicationModule;
