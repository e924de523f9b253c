package com.kineticcasebook.eventstore;

import com.kineticcasebook.patientcase.PrimaryHypothesised;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a revision-1 {@link PrimaryHypothesised}, which had no clinical date, as revision 2 with
 * {@code hypothesisedOn} set to the day it was recorded in the clinics' zone: a hypothesis was then
 * stated when it was recorded, and the timeline already showed it on that day. The stored row is
 * never changed, so the hash chain over it holds.
 */
final class HypothesisDateUpcaster extends SingleEventUpcaster {

  private static final SerializedType REVISION_1 = new SimpleSerializedType(PrimaryHypothesised.class.getName(), "1");
  private static final SerializedType REVISION_2 = new SimpleSerializedType(PrimaryHypothesised.class.getName(), "2");

  private final ZoneId zone;

  HypothesisDateUpcaster(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return representation.getType().equals(REVISION_1);
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
    LocalDate recordedOn = LocalDate.ofInstant(representation.getTimestamp(), zone);
    return representation.upcastPayload(REVISION_2, ObjectNode.class, payload -> {
      if (!payload.hasNonNull("hypothesisedOn")) {
        payload.put("hypothesisedOn", recordedOn.toString());
      }
      return payload;
    });
  }
}
