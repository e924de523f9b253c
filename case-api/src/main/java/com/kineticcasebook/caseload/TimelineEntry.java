package com.kineticcasebook.caseload;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded event on a case's timeline.
 *
 * @param type the event's name in UPPER_SNAKE_CASE, e.g. INJURY_REPORTED
 * @param occurredOn the clinical date; for events without one, the date it was recorded
 * @param recordedBy the id of the user who recorded it
 * @param summary one line for people, without the patient's reference
 * @param errorReason why the entry was marked in error, null while it stands
 */
public record TimelineEntry(String eventId, long sequenceNumber, String type, LocalDate occurredOn, Instant recordedAt,
    String recordedBy, String summary, boolean enteredInError, String errorReason) {}
