/**
 * Where events are stored: Axon's JDBC event and token stores, the hash chain over each case's
 * events, the metadata every event carries, and sending a command to a case under its lock.
 */
@ApplicationModule(displayName = "Event store", allowedDependencies = {})
package com.kineticcasebook.eventstore;

import org.springframework.modulith.ApplicationModule;
