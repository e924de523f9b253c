package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.caseload.CaseListItem;
import com.kineticcasebook.caseload.CaseListPage;
import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseTimeline;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.FindCaseStateAsOf;
import com.kineticcasebook.caseload.FindCaseTimeline;
import com.kineticcasebook.caseload.FindCaseView;
import com.kineticcasebook.caseload.ListCases;
import com.kineticcasebook.caseload.TimelineEntry;
import com.kineticcasebook.outcomes.MeasureChange;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the case views, timelines and outcome rows of the {@value #GROUP} streaming processor.
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
@ProcessingGroup(CaseViewProjection.GROUP)
public class CaseViewProjection {

  public static final String GROUP = "case-views";

  private static final Logger log = LoggerFactory.getLogger(CaseViewProjection.class);
  private static final TypeReference<List<TimelineEntry>> TIMELINE = new TypeReference<>() {};
  private static final String BATCH = CaseViewProjection.class.getName() + ".batch";
  private static final String RAISE_VERSION =
      "UPDATE outcome_clinic_version SET version = version + 1 WHERE clinic_id = ?";

  private final JdbcTemplate jdbc;
  private final EventStore eventStore;
  private final CaseFold fold;
  private final ParkedCases parked;
  private final TransactionTemplate savepoint;
  private final JsonMapper json = JsonMapper.builder().build();
  /** Cases this node has parked: their next events check whether the case is still parked. */
  private final Set<String> parkedHere = ConcurrentHashMap.newKeySet();

  CaseViewProjection(JdbcTemplate jdbc, EventStore eventStore, Clock clock, PlatformTransactionManager transactions,
      ParkedCases parked) {
    this.jdbc = jdbc;
    this.eventStore = eventStore;
    this.fold = new CaseFold(clock.getZone());
    this.parked = parked;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @EventHandler
  void on(Object payload, DomainEventMessage<?> event, UnitOfWork<?> unitOfWork) {
    String caseId = event.getAggregateIdentifier();
    UnitOfWork<?> batchOfWork = unitOfWork.root();
    if (!(batchOfWork instanceof BatchingUnitOfWork<?>)) {
      // A dead-letter retry: one event in its own transaction. A failure keeps the event parked.
      CaseFold.Folded rows = fold.fold(CaseBatch.history(List.of(event), this::earlierEvents));
      store(rows == null ? List.of() : List.of(rows));
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
    jdbc.update("DELETE FROM outcome_measure_change");
    jdbc.update("DELETE FROM outcome_secondary");
    jdbc.update("DELETE FROM case_view");
    jdbc.update("UPDATE outcome_clinic_version SET version = version + 1");
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
      savepoint.executeWithoutResult(status -> store(List.copyOf(folded.values())));
    } catch (RuntimeException batchFailure) {
      if (unreachable(batchFailure)) {
        throw batchFailure;
      }
      // Find the cases that fail on their own; each of the others is written in its own savepoint.
      folded.forEach((caseId, rows) -> {
        try {
          savepoint.executeWithoutResult(status -> store(List.of(rows)));
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

  /** Replaces the rows of the given cases, each table with one JDBC batch per statement. */
  private void store(List<CaseFold.Folded> cases) {
    if (cases.isEmpty()) {
      return;
    }
    List<Object[]> ids = new ArrayList<>(cases.size());
    List<Object[]> views = new ArrayList<>(cases.size());
    List<Object[]> secondaries = new ArrayList<>();
    List<Object[]> measures = new ArrayList<>();
    for (CaseFold.Folded folded : cases) {
      UUID caseId = folded.view().caseId();
      ids.add(new Object[] {caseId});
      views.add(viewColumns(folded, caseId));
      for (SecondaryOutcome s : folded.secondaries()) {
        secondaries.add(new Object[] {s.caseId(), s.secondaryInjuryId(), s.clinicId(), s.clinicianId(),
            s.secondaryConditionCode(), s.secondaryOnsetOn(), s.primaryInjuryId(), s.primaryConditionCode(),
            s.primaryTreatedOn(), s.primaryModality() == null ? null : s.primaryModality().name(), s.directlyTreated(),
            s.resolvedOn(), s.caseClosedOn(), s.classification().name()});
      }
      for (MeasureChange m : folded.measures()) {
        measures.add(new Object[] {m.caseId(), m.injuryId(), m.instrument().name(), m.clinicId(), m.injuryOnsetOn(),
            m.firstScore(), m.latestScore(), m.measures()});
      }
    }
    jdbc.batchUpdate("DELETE FROM outcome_measure_change WHERE case_id = ?", ids);
    jdbc.batchUpdate("DELETE FROM outcome_secondary WHERE case_id = ?", ids);
    jdbc.batchUpdate("DELETE FROM case_view WHERE case_id = ?", ids);
    jdbc.batchUpdate("""
        INSERT INTO case_view (clinic_id, patient_ref, status, opened_on, closed_on, assigned_clinician_id,
          primary_injury_id, open_injuries, version, view_json, timeline_json, primary_condition_code,
          condition_codes, case_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", views);
    jdbc.batchUpdate("""
        INSERT INTO outcome_secondary (case_id, secondary_injury_id, clinic_id, clinician_id,
          secondary_condition_code, secondary_onset_on, primary_injury_id, primary_condition_code,
          primary_treated_on, primary_modality, directly_treated, resolved_on, case_closed_on, classification)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", secondaries);
    jdbc.batchUpdate("""
        INSERT INTO outcome_measure_change (case_id, injury_id, instrument, clinic_id, injury_onset_on,
          first_score, latest_score, measures)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", measures);
    raiseOutcomeVersions(cases);
  }

  /**
   * Raises the outcome version of every clinic of the given cases, in a fixed order so that two
   * segments writing cases of the same clinics never wait for each other in a cycle.
   */
  private void raiseOutcomeVersions(List<CaseFold.Folded> cases) {
    List<Object[]> clinics = cases.stream().map(folded -> folded.view().clinicId()).distinct().sorted()
        .map(clinic -> new Object[] {clinic}).toList();
    int[] raised = jdbc.batchUpdate(RAISE_VERSION, clinics);
    for (int i = 0; i < raised.length; i++) {
      if (raised[i] == 0 && jdbc.update(
          "INSERT INTO outcome_clinic_version (clinic_id, version) VALUES (?, 1) ON CONFLICT DO NOTHING",
          clinics.get(i)) == 0) {
        // Another segment created the clinic's row a moment ago.
        jdbc.update(RAISE_VERSION, clinics.get(i));
      }
    }
  }

  private Object[] viewColumns(CaseFold.Folded folded, UUID caseId) {
    CaseView view = folded.view();
    return new Object[] {view.clinicId(), view.patientRef(), view.status().name(), view.openedOn(), view.closedOn(),
        view.assignedClinicianId(), view.primaryInjuryId(), view.openInjuries(), view.version(),
        json.writeValueAsString(view), json.writeValueAsString(folded.timeline()), CaseloadSearch.primaryCondition(view),
        CaseloadSearch.conditionCodes(view), caseId};
  }

  @QueryHandler
  Optional<CaseView> handle(FindCaseView query) {
    return jdbc.query("SELECT view_json FROM case_view WHERE case_id = ?",
            (rs, row) -> json.readValue(rs.getString(1), CaseView.class), query.caseId().value())
        .stream().findFirst();
  }

  @QueryHandler
  Optional<CaseTimeline> handle(FindCaseTimeline query) {
    return jdbc.query("SELECT timeline_json FROM case_view WHERE case_id = ?",
            (rs, row) -> new CaseTimeline(json.readValue(rs.getString(1), TIMELINE)), query.caseId().value())
        .stream().findFirst();
  }

  /** The auditor's as-of view: the same fold over the events recorded up to the instant. */
  @QueryHandler
  Optional<CaseView> handle(FindCaseStateAsOf query) {
    List<? extends DomainEventMessage<?>> events = eventStore.readEvents(query.caseId().toString()).asStream()
        .filter(e -> !e.getTimestamp().isAfter(query.asOf()))
        .toList();
    return Optional.ofNullable(fold.fold(events)).map(CaseFold.Folded::view);
  }

  @QueryHandler
  CaseListPage handle(ListCases query) {
    if (query.clinicIds().isEmpty()) {
      return new CaseListPage(List.of(), query.page(), query.size(), 0);
    }
    StringBuilder where = new StringBuilder("clinic_id IN (");
    List<Object> arguments = new ArrayList<>();
    for (ClinicId clinic : query.clinicIds()) {
      where.append(arguments.isEmpty() ? "?" : ", ?");
      arguments.add(clinic.value());
    }
    where.append(')');
    if (query.status() != null) {
      where.append(" AND status = ?");
      arguments.add(query.status().name());
    }
    if (query.search() != null) {
      CaseloadSearch.where(query.search(), where, arguments);
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM case_view WHERE " + where, Long.class,
        arguments.toArray());
    List<Object> paged = new ArrayList<>(arguments);
    paged.add(query.size());
    paged.add((long) query.page() * query.size());
    List<CaseListItem> items = jdbc.query(
        "SELECT * FROM case_view WHERE " + where + " ORDER BY opened_on DESC, case_id LIMIT ? OFFSET ?",
        CaseViewProjection::item, paged.toArray());
    return new CaseListPage(items, query.page(), query.size(), total == null ? 0 : total);
  }

  private static CaseListItem item(ResultSet rs, int row) throws SQLException {
    return new CaseListItem(
        new CaseId(rs.getObject("case_id", UUID.class)),
        new ClinicId(rs.getObject("clinic_id", UUID.class)),
        rs.getString("patient_ref"),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getObject("opened_on", LocalDate.class),
        rs.getObject("closed_on", LocalDate.class),
        rs.getObject("primary_injury_id", UUID.class),
        rs.getInt("open_injuries"),
        rs.getString("primary_condition_code"));
  }
}
