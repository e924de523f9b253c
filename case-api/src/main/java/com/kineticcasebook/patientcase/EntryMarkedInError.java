package com.kineticcasebook.patientcase;

import org.axonframework.serialization.Revision;

/** An earlier event of the case was marked as entered in error; the event itself stays in the history. */
@Revision("1")
public record EntryMarkedInError(CaseId caseId, String eventId, String markedEventType, String reason) {}
