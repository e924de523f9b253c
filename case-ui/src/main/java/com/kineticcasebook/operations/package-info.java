/**
 * Running the read side: projection positions, read-your-writes waits, rebuilds and dead letters.
 */
@ApplicationModule(displayName = "Operations", allowedDependencies = {"access", "problem"})
package com.kineticcasebook.operations;

import org.springframework.modulith.ApplicationModule;
