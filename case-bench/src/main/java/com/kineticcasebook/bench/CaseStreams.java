package com.kineticcasebook.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Holds the events of the cases being generated, per case, so that loading the aggregate costs
 * only its own events; a case is taken out once its commands are all sent. Not a tracking store:
 * nothing subscribes to the generation.
 */
final class CaseStreams implements EventStorageEngine {

  private final Map<String, List<DomainEventMessage<?>>> streams = new HashMap<>();

  @Override
  public synchronized void appendEvents(List<? extends EventMessage<?>> events) {
    for (EventMessage<?> event : events) {
      DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
      streams.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ArrayList<>()).add(domain);
    }
  }

  /** A copy of a case's events so far, in sequence order. */
  synchronized List<DomainEventMessage<?>> of(String caseId) {
    return List.copyOf(streams.getOrDefault(caseId, List.of()));
  }

  /** Removes and returns a case's events in sequence order. */
  synchronized List<DomainEventMessage<?>> take(String caseId) {
    List<DomainEventMessage<?>> events = streams.remove(caseId);
    return events == null ? List.of() : events;
  }

  @Override
  public synchronized DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
    List<DomainEventMessage<?>> events = streams.getOrDefault(aggregateIdentifier, List.of());
    return DomainEventStream.of(events.stream().filter(e -> e.getSequenceNumber() >= firstSequenceNumber).toList());
  }

  @Override
  public void storeSnapshot(DomainEventMessage<?> snapshot) {
    throw new UnsupportedOperationException("The generated history takes no snapshots");
  }

  @Override
  public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
    throw new UnsupportedOperationException("Nothing tracks the generated history");
  }

  @Override
  public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
    return Optional.empty();
  }
}
