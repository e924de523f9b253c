/** The administrator's pages: users, roles, clinic memberships, clinics and projection rebuilds; no clinical content. */
package com.kineticcasebook.administration;
