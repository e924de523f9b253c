/** Reference data of the clinic: body regions, sides, the condition catalogue, treatments, outcome instruments. */
package com.kineticcasebook.reference;
