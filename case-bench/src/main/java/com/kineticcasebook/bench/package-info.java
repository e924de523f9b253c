/** Benchmarks of the packaged application on PostgreSQL, measured beside the limits of the same machine. */
package com.kineticcasebook.bench;
