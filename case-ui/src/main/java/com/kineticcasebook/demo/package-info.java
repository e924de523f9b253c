/**
 * Demo mode: the demo clinics and people, and on a first start the generated cases recorded
 * through the command bus as the demo clinicians.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {"access", "eventstore", "operations"})
package com.kineticcasebook.demo;

import org.springframework.modulith.ApplicationModule;
