package com.kineticcasebook.operations;

import com.kineticcasebook.projections.ProcessingGroups;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Poison events: when the case-views projection fails on an event, the event (and any later
 * event of the same case) is parked in Axon's JDBC dead-letter queue, and every other case keeps
 * being projected. Administrators see and retry them through {@link DeadLetterController}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

  static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
      .deadLetterTable("dead_letter_entry")
      .deadLetterIdentifierColumn("dead_letter_id")
      .processingGroupColumn("processing_group")
      .sequenceIdentifierColumn("sequence_identifier")
      .sequenceIndexColumn("sequence_index")
      .messageTypeColumn("message_type")
      .eventIdentifierColumn("event_identifier")
      .timestampColumn("time_stamp")
      .payloadTypeColumn("payload_type")
      .payloadRevisionColumn("payload_revision")
      .payloadColumn("payload")
      .metaDataColumn("meta_data")
      .aggregateTypeColumn("type")
      .aggregateIdentifierColumn("aggregate_identifier")
      .sequenceNumberColumn("sequence_number")
      .tokenTypeColumn("token_type")
      .tokenColumn("token")
      .enqueuedAtColumn("enqueued_at")
      .lastTouchedColumn("last_touched")
      .processingStartedColumn("processing_started")
      .causeTypeColumn("cause_type")
      .causeMessageColumn("cause_message")
      .diagnosticsColumn("diagnostics")
      .build();

  @Bean
  ConfigurerModule caseViewDeadLetters(ConnectionProvider connectionProvider, TransactionManager transactionManager) {
    return configurer -> configurer.eventProcessing(processing -> processing.registerDeadLetterQueue(
        ProcessingGroups.CASE_VIEWS,
        config -> JdbcSequencedDeadLetterQueue.builder()
            .processingGroup(ProcessingGroups.CASE_VIEWS)
            .connectionProvider(connectionProvider)
            .transactionManager(transactionManager)
            .schema(SCHEMA)
            .genericSerializer(config.serializer())
            .eventSerializer(config.eventSerializer())
            .build())
        // Remember which cases are known not to be parked, instead of asking the table for every event.
        .registerDeadLetteringEventHandlerInvokerConfiguration(ProcessingGroups.CASE_VIEWS,
            (config, builder) -> builder.enableSequenceIdentifierCache()));
  }
}
