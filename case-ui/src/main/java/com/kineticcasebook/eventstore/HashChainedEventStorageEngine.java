package com.kineticcasebook.eventstore;

import com.kineticcasebook.integrity.EventHashChain;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine, extended so that every append also extends the cases' hash chains
 * ({@link EventHashChain}) in the same transaction: an event is never stored without its link.
 * Where the events landed is kept for the transaction ({@link AppendedEvents}).
 *
 * <p>Cases are never snapshotted: a case's state is always the fold of its hash-chained events, so
 * nothing outside the chain can change what a command sees. The snapshot read Axon makes before
 * every load is therefore skipped.
 */
class HashChainedEventStorageEngine extends JdbcEventStorageEngine {

  private final TransactionManager transactionManager;

  HashChainedEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager) {
    super(builder);
    this.transactionManager = transactionManager;
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    return Stream.empty();
  }

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    if (events.isEmpty()) {
      return;
    }
    transactionManager.executeInTransaction(() -> {
      super.appendEvents(events, serializer);
      try (Connection connection = getConnection()) {
        AppendedEvents.add(EventHashChain.extend(connection, events.stream().map(EventMessage::getIdentifier).toList()));
      } catch (SQLException e) {
        throw new EventStoreException("The events' hash chain could not be extended", e);
      }
    });
  }
}
