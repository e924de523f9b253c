package com.kineticcasebook.projections.caseview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The events of one processor batch, grouped by case in the order they arrived, so that each case
 * touched by the batch is folded and written once, however many of its events the batch holds.
 */
final class CaseBatch {

  private final Map<String, List<DomainEventMessage<?>>> byCase = new LinkedHashMap<>();
  private int size;

  void add(DomainEventMessage<?> event) {
    byCase.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>()).add(event);
    size++;
  }

  int size() {
    return size;
  }

  /** The cases of the batch with their events, in the order the cases first appeared. */
  Map<String, List<DomainEventMessage<?>>> byCase() {
    return byCase;
  }

  /**
   * All events of a case up to its last one in the batch: the earlier ones, read only when the
   * batch does not start with the case's first event, followed by the batch's.
   */
  static List<DomainEventMessage<?>> history(List<DomainEventMessage<?>> inBatch, EarlierEvents earlier) {
    long first = inBatch.get(0).getSequenceNumber();
    if (first == 0) {
      return inBatch;
    }
    List<DomainEventMessage<?>> all = new ArrayList<>(earlier.before(inBatch.get(0).getAggregateIdentifier(), first));
    all.addAll(inBatch);
    return all;
  }

  /** Reads a case's events with a sequence number below the given one. */
  @FunctionalInterface
  interface EarlierEvents {
    List<? extends DomainEventMessage<?>> before(String caseId, long sequenceNumber);
  }
}
