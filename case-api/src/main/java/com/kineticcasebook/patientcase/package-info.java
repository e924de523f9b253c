/** The PatientCase aggregate: its commands, its events, typed ids and the rules that guard them. */
package com.kineticcasebook.patientcase;
