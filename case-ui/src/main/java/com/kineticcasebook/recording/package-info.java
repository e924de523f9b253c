/** Recording clinical events through the JSON API: one endpoint per command of the PatientCase aggregate. */
package com.kineticcasebook.recording;
