package com.kineticcasebook.eventstore;

/**
 * Where the last event of a command landed: its global index (for {@code X-Event-Position} and
 * read-your-writes), its id (to mark it in error later) and its type.
 */
public record RecordedPosition(long globalIndex, String eventId, String payloadType) {

  /** The simple name of the event class, e.g. {@code SecondaryResolved}. */
  public String eventType() {
    return payloadType.substring(payloadType.lastIndexOf('.') + 1);
  }
}
