package com.kineticcasebook.operations;

import com.kineticcasebook.projections.ProcessingGroups;
import com.kineticcasebook.projections.caseview.ParkedCases;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Parks events of the case-views projection in its dead-letter queue, keyed by case like the
 * events Axon parks itself, so that administrators see and retry them in one place.
 */
@Component
class DeadLetterParking implements ParkedCases {

  private final ObjectProvider<EventProcessingConfiguration> processing;

  DeadLetterParking(ObjectProvider<EventProcessingConfiguration> processing) {
    this.processing = processing;
  }

  @Override
  public void park(String caseId, List<? extends EventMessage<?>> events, Throwable cause) {
    SequencedDeadLetterQueue<EventMessage<?>> queue = queue();
    for (EventMessage<?> event : events) {
      queue.enqueue(caseId, new GenericDeadLetter<>(caseId, event, cause));
    }
  }

  @Override
  public boolean isParked(String caseId) {
    return queue().contains(caseId);
  }

  private SequencedDeadLetterQueue<EventMessage<?>> queue() {
    return processing.getObject().deadLetterQueue(ProcessingGroups.CASE_VIEWS)
        .orElseThrow(() -> new IllegalStateException("The case-views processor has no dead-letter queue"));
  }
}
