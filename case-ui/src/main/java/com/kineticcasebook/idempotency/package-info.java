/** Idempotency-Key handling: a repeated request returns the first response and records nothing twice. */
package com.kineticcasebook.idempotency;
