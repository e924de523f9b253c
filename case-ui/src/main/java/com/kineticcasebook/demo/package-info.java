/** Demo mode: on a first start, records generated cases through the command bus as the demo clinicians. */
package com.kineticcasebook.demo;
