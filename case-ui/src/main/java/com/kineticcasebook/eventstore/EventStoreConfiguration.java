package com.kineticcasebook.eventstore;

import com.kineticcasebook.patientcase.PatientCase;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon's JDBC event store and token store, declared here because Axon's JDBC auto-configuration
 * does not create them under Spring Boot 4. Flyway owns the tables (see db/migration); these
 * schemas only name them.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

  static final int FETCH_BATCH_SIZE = 1000;

  static final EventSchema EVENT_SCHEMA =
      EventSchema.builder()
          .eventTable("domain_event_entry")
          .snapshotTable("snapshot_event_entry")
          .globalIndexColumn("global_index")
          .eventIdentifierColumn("event_identifier")
          .metaDataColumn("meta_data")
          .payloadColumn("payload")
          .payloadRevisionColumn("payload_revision")
          .payloadTypeColumn("payload_type")
          .timestampColumn("time_stamp")
          .aggregateIdentifierColumn("aggregate_identifier")
          .sequenceNumberColumn("sequence_number")
          .typeColumn("type")
          .build();

  /**
   * Axon's units of work run in Spring transactions: a batch of the case-views processor writes its
   * rows and its token in one transaction. Declared here because, as with the storage engine, Axon's
   * auto-configuration evaluates its condition on Spring's transaction manager too early under
   * Boot 4 and would fall back to no transactions at all.
   */
  @Bean
  TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
    return new SpringTransactionManager(transactions);
  }

  @Bean
  ConnectionProvider connectionProvider(DataSource dataSource) {
    // Spring-aware: Axon's statements join the transaction the request opened, so events and the
    // rows written beside them (idempotency records) commit or roll back together.
    return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
  }

  /**
   * SQLState 23505 (unique violation, the same on PostgreSQL and H2) means another writer took the
   * sequence number: Axon then raises a ConcurrencyException (409) instead of a store failure.
   * The error-code based default does not recognise PostgreSQL's.
   */
  @Bean
  PersistenceExceptionResolver persistenceExceptionResolver() {
    return new SQLStateResolver("23505");
  }

  @Bean
  EventStorageEngine eventStorageEngine(
      Serializer defaultSerializer,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      org.axonframework.config.Configuration configuration,
      ConnectionProvider connectionProvider,
      TransactionManager transactionManager) {
    return new HashChainedEventStorageEngine(JdbcEventStorageEngine.builder()
        .snapshotSerializer(defaultSerializer)
        .eventSerializer(eventSerializer)
        .upcasterChain(configuration.upcasterChain())
        .snapshotFilter(configuration.snapshotFilter())
        .persistenceExceptionResolver(persistenceExceptionResolver)
        .connectionProvider(connectionProvider)
        .transactionManager(transactionManager)
        .schema(EVENT_SCHEMA)
        // Streaming processors read this many events per query; Axon's default of 100 costs a round
        // trip per 100 events in a rebuild.
        .batchSize(FETCH_BATCH_SIZE)
        // A case's sequence numbers have no gaps and each read asks for a range of this size, so a
        // shorter batch is the last: loading a case costs one query, not a second, empty one.
        .finalAggregateBatchPredicate(batch -> batch.size() < FETCH_BATCH_SIZE), transactionManager);
  }

  @Bean
  NodeName nodeName() {
    return NodeName.ofThisProcess();
  }

  /**
   * Segments are claimed in the name of this node, the same name its heartbeat carries: the
   * projection balancer (operations) counts each live node's claims by it.
   */
  @Bean
  TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, NodeName nodeName) {
    return JdbcTokenStore.builder()
        .connectionProvider(connectionProvider)
        .serializer(serializer)
        .schema(
            TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build())
        .claimTimeout(Duration.ofSeconds(10))
        .nodeId(nodeName.value())
        .build();
  }

  /**
   * Events written by an older or newer release must still load: ignore fields this one does not
   * know. Axon's ReplayToken carries a polymorphic context, which Jackson 3's default validator
   * refuses outright; without this a processor could not read back its own token during a rebuild.
   * Only Axon's and our own classes may be named in stored JSON.
   */
  @Bean
  Jackson3SerializerCustomizer storedJson() {
    return builder -> builder
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
            .allowIfSubType("org.axonframework.")
            .allowIfSubType("com.kineticcasebook.")
            .build());
  }

  /** The aggregate is registered here, so that case-api stays free of Spring annotations. */
  @Bean
  ConfigurerModule patientCaseAggregate() {
    return configurer -> configurer.configureAggregate(PatientCase.class);
  }

  /**
   * Older shapes of stored events, read as the current ones wherever events are read: the
   * aggregate, the processors and the auditor's replay. Registered here rather than as beans so
   * that each is in the chain exactly once.
   */
  @Bean
  ConfigurerModule eventUpcasters(Clock clock) {
    return configurer -> configurer.registerEventUpcaster(c -> new HypothesisDateUpcaster(clock.getZone()));
  }
}
