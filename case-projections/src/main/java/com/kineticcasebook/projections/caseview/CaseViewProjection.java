package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.projections.ProcessingGroups;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Processes the events of the {@value ProcessingGroups#CASE_VIEWS} streaming processor into the
 * case views, timelines and outcome rows ({@link CaseViewTables}; {@link CaseViewQueries} reads them).
 *
 * <p>The processor hands over events in batches, one transaction each with the processor's token.
 * Within a batch the events are only collected; just before the batch commits, each case touched
 * by it is folded once, from its earlier events (read from the event store once per case, and only
 * when the batch does not start with the case's first event) and its events in the batch, and the
 * rows of all those cases are replaced with JDBC batches. The result depends only on the events,
 * so a rebuild gives exactly what the live run gave, and the cost of an event does not grow with
 * the length of its case.
 *
 * <p>A case whose rows cannot be folded or written (a poison event) does not hold up the others:
 * its events of the batch are parked in the dead-letter queue and so are its later events, until
 * an administrator retries them. A database that cannot be reached fails the batch instead, and
 * Axon processes it again later. Dead-letter retries are handled one event at a time.
 */
@Component
@ProcessingGroup(ProcessingGroups.CASE_VIEWS)
public class CaseViewProjection {

  private static final Logger log = LoggerFactory.getLogger(CaseViewProjection.class);
  private static final String BATCH = CaseViewProjection.class.getName() + ".batch";

  private final CaseViewTables tables;
  private final EventStore eventStore;
  private final CaseFold fold;
  private final ParkedCases parked;
  /** Cases this node has parked: their next events check whether the case is still parked. */
  private final Set<String> parkedHere = ConcurrentHashMap.newKeySet();

  CaseViewProjection(CaseViewTables tables, EventStore eventStore, Clock clock, ParkedCases parked) {
    this.tables = tables;
    this.eventStore = eventStore;
    this.fold = new CaseFold(clock.getZone());
    this.parked = parked;
  }

  @EventHandler
  void on(Object payload, DomainEventMessage<?> event, UnitOfWork<?> unitOfWork) {
    String caseId = event.getAggregateIdentifier();
    UnitOfWork<?> batchOfWork = unitOfWork.root();
    if (!(batchOfWork instanceof BatchingUnitOfWork<?>)) {
      // A dead-letter retry: one event in its own transaction. A failure keeps the event parked.
      CaseFold.Folded rows = fold.fold(CaseBatch.history(List.of(event), this::earlierEvents));
      tables.store(rows == null ? List.of() : List.of(rows));
      return;
    }
    if (parkedHere.contains(caseId)) {
      if (parked.isParked(caseId)) {
        throw new CaseParked();
      }
      parkedHere.remove(caseId);
    }
    batchOfWork.getOrComputeResource(BATCH, key -> {
      CaseBatch batch = new CaseBatch();
      batchOfWork.onPrepareCommit(committing -> storeBatch(batch));
      return batch;
    }).add(event);
  }

  @ResetHandler
  void reset() {
    tables.clear();
    parkedHere.clear();
  }

  private void storeBatch(CaseBatch batch) {
    Map<String, CaseFold.Folded> folded = new LinkedHashMap<>();
    Map<String, RuntimeException> failed = new LinkedHashMap<>();
    batch.byCase().forEach((caseId, events) -> {
      try {
        CaseFold.Folded rows = fold.fold(CaseBatch.history(events, this::earlierEvents));
        if (rows != null) {
          folded.put(caseId, rows);
        }
      } catch (RuntimeException e) {
        if (unreachable(e)) {
          throw e;
        }
        failed.put(caseId, e);
      }
    });
    try {
      tables.storeInSavepoint(List.copyOf(folded.values()));
    } catch (RuntimeException batchFailure) {
      if (unreachable(batchFailure)) {
        throw batchFailure;
      }
      // Find the cases that fail on their own; each of the others is written in its own savepoint.
      folded.forEach((caseId, rows) -> {
        try {
          tables.storeInSavepoint(List.of(rows));
        } catch (RuntimeException e) {
          if (unreachable(e)) {
            throw e;
          }
          failed.put(caseId, e);
        }
      });
    }
    failed.forEach((caseId, cause) -> {
      log.warn("The case-views projection parks {} event(s) of a case it cannot project: {}",
          batch.byCase().get(caseId).size(), cause.getClass().getSimpleName());
      parked.park(caseId, batch.byCase().get(caseId), new ProjectionFailure(cause));
      parkedHere.add(caseId);
    });
  }

  /** The database could not be reached: nothing is wrong with the events, so the batch is retried. */
  private static boolean unreachable(RuntimeException e) {
    return e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
        || e instanceof DataAccessResourceFailureException || e instanceof CannotCreateTransactionException;
  }

  private List<? extends DomainEventMessage<?>> earlierEvents(String caseId, long before) {
    return eventStore.readEvents(caseId).asStream().filter(e -> e.getSequenceNumber() < before).toList();
  }
}
