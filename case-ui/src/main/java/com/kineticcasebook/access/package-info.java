/**
 * Who may do what, and the record of who did: users, roles, clinics and memberships, API tokens,
 * sign-in and its throttle, sessions that follow a user's current standing, separation of duties,
 * break-glass, every access rule of cases and clinics, the metadata stamped on every command, the
 * access log and the administration log.
 */
@ApplicationModule(displayName = "Access", allowedDependencies = {"eventstore", "http", "pages", "problem"})
package com.kineticcasebook.access;

import org.springframework.modulith.ApplicationModule;
