/**
 * The auditor's replay of a case, as JSON and as pages: its events as recorded, the hash chain's
 * verification, its state as of any instant, and who read it.
 */
package com.kineticcasebook.audit;
