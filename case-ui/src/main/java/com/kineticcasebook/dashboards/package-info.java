/** The practice owner's outcome dashboards, as JSON and CSV. */
package com.kineticcasebook.dashboards;
