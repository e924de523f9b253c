package com.kineticcasebook.projections.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class CaseBatchTest {

  private final List<String> reads = new ArrayList<>();

  @Test
  void givenInterleavedCases_whenBatched_thenEachCaseKeepsItsEventsInOrder() {
    CaseBatch batch = new CaseBatch();
    batch.add(event("a", 0));
    batch.add(event("b", 4));
    batch.add(event("a", 1));
    batch.add(event("b", 5));

    assertThat(batch.size()).isEqualTo(4);
    assertThat(batch.byCase()).containsOnlyKeys("a", "b");
    assertThat(batch.byCase().get("a")).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
    assertThat(batch.byCase().get("b")).extracting(DomainEventMessage::getSequenceNumber).containsExactly(4L, 5L);
  }

  @Test
  void givenACaseThatStartsInTheBatch_whenItsHistoryIsNeeded_thenTheEventStoreIsNotRead() {
    List<DomainEventMessage<?>> history = CaseBatch.history(List.of(event("a", 0), event("a", 1)), this::earlier);

    assertThat(history).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
    assertThat(reads).isEmpty();
  }

  @Test
  void givenACaseThatStartedBefore_whenItsHistoryIsNeeded_thenItsEarlierEventsAreReadOnceAndComeFirst() {
    List<DomainEventMessage<?>> history = CaseBatch.history(List.of(event("b", 3), event("b", 4)), this::earlier);

    assertThat(history).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(reads).containsExactly("b before 3");
  }

  private List<DomainEventMessage<?>> earlier(String caseId, long before) {
    reads.add(caseId + " before " + before);
    List<DomainEventMessage<?>> events = new ArrayList<>();
    for (long sequence = 0; sequence < before; sequence++) {
      events.add(event(caseId, sequence));
    }
    return events;
  }

  private static DomainEventMessage<?> event(String caseId, long sequence) {
    return new GenericDomainEventMessage<>("PatientCase", caseId, sequence, "event " + sequence);
  }
}
