package com.kineticcasebook.eventstore;

import com.kineticcasebook.integrity.EventHashChain;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events appended in the current transaction, in order, as the hash chain found them stored:
 * a command's sender learns where its events landed without reading the store again. Bound to the
 * Spring transaction and dropped when it completes; outside a transaction nothing is kept.
 */
final class AppendedEvents {

  private static final Object KEY = AppendedEvents.class;

  private AppendedEvents() {}

  static void add(List<EventHashChain.Appended> appended) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    inTransaction().addAll(appended);
  }

  /** How many events this transaction has appended so far: a mark for {@link #since}. */
  static int mark() {
    return TransactionSynchronizationManager.isSynchronizationActive() ? inTransaction().size() : 0;
  }

  /** The events of the case appended in this transaction after the mark, in the order they were stored. */
  static List<RecordedPosition> since(int mark, String caseId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return List.of();
    }
    List<EventHashChain.Appended> all = inTransaction();
    return all.subList(Math.min(mark, all.size()), all.size()).stream()
        .filter(event -> event.caseId().equals(caseId))
        .map(event -> new RecordedPosition(event.globalIndex(), event.eventId(), event.payloadType()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static List<EventHashChain.Appended> inTransaction() {
    List<EventHashChain.Appended> list = (List<EventHashChain.Appended>) TransactionSynchronizationManager.getResource(KEY);
    if (list == null) {
      list = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(KEY, list);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
    }
    return list;
  }
}
