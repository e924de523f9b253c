package com.kineticcasebook.operations;

import com.kineticcasebook.access.AdministrationLog;
import com.kineticcasebook.access.AdministrationLog.Action;
import com.kineticcasebook.access.AdministrationLog.Target;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retries a projection's dead letters. The retry is recorded in the administration log before it
 * runs (each sequence is then processed in a transaction of its own); one whose log row cannot be
 * written does not run.
 */
@Service
class DeadLetterRetries {

  /** What a retry did. */
  record Result(String processingGroup, int sequencesProcessed, int remaining) {}

  private static final int MAX_RETRIES_PER_CALL = 10_000;

  private final JdbcTemplate jdbc;
  private final EventProcessingConfiguration processing;
  private final AdministrationLog administrationLog;
  private final TransactionTemplate transaction;

  DeadLetterRetries(JdbcTemplate jdbc, EventProcessingConfiguration processing, AdministrationLog administrationLog,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.processing = processing;
    this.administrationLog = administrationLog;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Processes the group's dead letters again, sequence by sequence; empty when there is no such queue. */
  Optional<Result> retry(String group) {
    Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor = processing.sequencedDeadLetterProcessor(group);
    if (processor.isEmpty()) {
      return Optional.empty();
    }
    transaction.executeWithoutResult(status -> administrationLog.record(Action.DEAD_LETTERS_RETRIED,
        Target.deadLetterQueue(group), Map.of("deadLetters", parked(group)), null));
    int processed = 0;
    while (processed < MAX_RETRIES_PER_CALL && processor.get().processAny()) {
      processed++;
    }
    return Optional.of(new Result(group, processed, parked(group)));
  }

  private int parked(String group) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?",
        Integer.class, group);
    return count == null ? 0 : count;
  }
}
