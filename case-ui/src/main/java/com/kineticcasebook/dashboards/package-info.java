/** The practice owner's outcome dashboards: JSON, CSV and the dashboard page, all from one query. */
package com.kineticcasebook.dashboards;
