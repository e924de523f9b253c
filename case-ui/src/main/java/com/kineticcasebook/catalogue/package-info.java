/** Reference data for clients: body regions, sides, conditions, treatment modalities and outcome instruments. */
package com.kineticcasebook.catalogue;
