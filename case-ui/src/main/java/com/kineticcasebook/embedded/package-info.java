/**
 * The zero-configuration run's own PostgreSQL: a server under the data directory, started before
 * the database pool and stopped after it. Not used under the postgres profile.
 */
@ApplicationModule(displayName = "Embedded database", allowedDependencies = {})
package com.kineticcasebook.embedded;

import org.springframework.modulith.ApplicationModule;
