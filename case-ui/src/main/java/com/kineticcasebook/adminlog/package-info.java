/**
 * The administration log: every change an administrator makes to accounts, clinics and
 * projections, with who made it and the state before and after, appended in the same transaction
 * as the change. Auditors read it; nobody changes it.
 */
package com.kineticcasebook.adminlog;
