/** Realistic synthetic cases for demo mode, tests and benchmarks. */
package com.kineticcasebook.generator;
