/**
 * The administrator's pages: users, roles, clinic memberships, clinics and projection rebuilds;
 * no clinical content.
 */
@ApplicationModule(displayName = "Administration", allowedDependencies = {"access", "operations", "pages", "problem"})
package com.kineticcasebook.administration;

import org.springframework.modulith.ApplicationModule;
