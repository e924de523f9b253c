package com.kineticcasebook.demo;

import com.kineticcasebook.CasebookProperties;
import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.eventstore.CaseCommandSender;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.generator.CaseGenerator;
import com.kineticcasebook.operations.ProjectionPositions;
import com.kineticcasebook.patientcase.CaseEventMetadata;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.MarkEnteredInError;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.projections.ProcessingGroups;
import com.kineticcasebook.projections.casedirectory.CaseDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode fills an empty demo database with realistic synthetic cases, recorded through the
 * command bus like any clinician's, so every screen and dashboard has something true to show.
 * {@code CASEBOOK_DEMO_CASES} sets how many (0 for none); it counts only on a first start, as a
 * database that has cases is never filled again. While they are being recorded the web server
 * already answers, and {@link DemoProgress} lets every page say so. Never active under
 * {@code postgres}.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "casebook.demo.enabled", havingValue = "true")
@Order(1)
class DemoCases implements ApplicationRunner {

  static final long SEED = 20261121L;
  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
  private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(2);
  private static final List<String> DEMO_CLINICIANS = List.of("clinician.north", "clinician.south");

  private final CaseCommandSender sender;
  private final UserDirectory users;
  private final CaseDirectory directory;
  private final Clock clock;
  private final DemoProgress progress;
  private final ProjectionPositions positions;
  private final int cases;
  private volatile boolean stopping;

  DemoCases(CaseCommandSender sender, UserDirectory users, CaseDirectory directory, Clock clock,
      DemoProgress progress, ProjectionPositions positions, CasebookProperties properties) {
    this.sender = sender;
    this.users = users;
    this.directory = directory;
    this.clock = clock;
    this.progress = progress;
    this.positions = positions;
    this.cases = properties.demo().cases();
    // Pending from before the web server answers until run() knows whether there is anything to record.
    progress.started(Math.max(cases, 0));
  }

  /** A stop while the cases are being recorded ends the recording, quietly, at the case in hand. */
  @EventListener(ContextClosedEvent.class)
  void stop() {
    stopping = true;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      recordIfNew();
    } finally {
      progress.ended();
    }
  }

  private void recordIfNew() {
    if (cases <= 0 || directory.count() > 0) {
      return;
    }
    List<CaseGenerator.Clinician> clinicians = new ArrayList<>();
    for (String username : DEMO_CLINICIANS) {
      CasebookUser user = users.findByUsername(username).orElseThrow();
      clinicians.add(new CaseGenerator.Clinician(user.id(), user.memberOf().iterator().next()));
    }
    long started = System.nanoTime();
    List<CaseGenerator.GeneratedCase> generated = new CaseGenerator(SEED, LocalDate.now(clock)).generate(cases, clinicians);
    int recorded = 0;
    long last = -1;
    while (recorded < generated.size() && !stopping) {
      try {
        List<RecordedPosition> events = record(generated.get(recorded), "demo-" + recorded);
        last = events.get(events.size() - 1).globalIndex();
      } catch (RuntimeException e) {
        if (!stopping) {
          throw e;
        }
        break;
      }
      progress.recorded(++recorded);
    }
    awaitCaseViews(last);
    if (recorded < generated.size()) {
      log.info("Demo mode: stopped after {} of {} synthetic cases", recorded, generated.size());
      return;
    }
    log.info("Demo mode: recorded {} synthetic cases in {} ms", recorded, (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * The caseload and dashboards read the case-views projection, which follows the event store a
   * moment behind: the demo is complete once the projection has every demo case.
   */
  private void awaitCaseViews(long last) {
    long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
    while (!stopping && System.nanoTime() < deadline) {
      OptionalLong processed;
      try {
        processed = positions.processed(ProcessingGroups.CASE_VIEWS);
      } catch (RuntimeException e) {
        if (stopping) {
          return;
        }
        throw e;
      }
      if (processed.isPresent() && processed.getAsLong() >= last) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Sends one case's commands in order, turning MarkInError placeholders into real commands. */
  static List<RecordedPosition> record(CaseSender sender, CaseGenerator.GeneratedCase generated, String correlationId) {
    CaseId caseId = ((OpenCase) generated.commands().get(0)).caseId();
    Map<String, Object> metadata = Map.of(
        CaseEventMetadata.USER_ID, generated.clinician().userId().toString(),
        CaseEventMetadata.ROLES, List.of("CLINICIAN"),
        CaseEventMetadata.CLINIC_ID, generated.clinician().clinicId().toString(),
        CaseEventMetadata.CORRELATION_ID, correlationId);
    List<RecordedPosition> positions = new ArrayList<>();
    for (Object command : generated.commands()) {
      Object toSend = command;
      if (command instanceof CaseGenerator.MarkInError mark) {
        toSend = new MarkEnteredInError(caseId, positions.get(mark.commandIndex()).eventId(), mark.reason());
      }
      positions.add(sender.send(caseId.toString(), toSend, metadata));
    }
    return positions;
  }

  private List<RecordedPosition> record(CaseGenerator.GeneratedCase generated, String correlationId) {
    return record(sender::send, generated, correlationId);
  }

  /** Where a generated case's commands go: the command bus here, an HTTP client in benchmarks. */
  @FunctionalInterface
  interface CaseSender {
    RecordedPosition send(String caseId, Object command, Map<String, ?> metadata);
  }
}
