/**
 * Running the read side: projection positions, read-your-writes waits, rebuilds, dead letters, and
 * the spread of the projection's segments over the nodes.
 */
@ApplicationModule(displayName = "Operations", allowedDependencies = {"access", "eventstore", "problem"})
package com.kineticcasebook.operations;

import org.springframework.modulith.ApplicationModule;
