package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.CasebookApplication;
import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.caseload.CaseListPage;
import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseTimeline;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.FindCaseTimeline;
import com.kineticcasebook.caseload.FindCaseView;
import com.kineticcasebook.caseload.ListCases;
import com.kineticcasebook.eventstore.CaseCommandSender;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.operations.ProjectionOperations;
import com.kineticcasebook.operations.ProjectionPositions;
import com.kineticcasebook.outcomes.FindOutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.patientcase.CaseEventMetadata;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.patientcase.UserId;
import com.kineticcasebook.projections.ProcessingGroups;
import com.kineticcasebook.projections.caseview.CaseFold;
import com.kineticcasebook.support.CaseSequences;
import com.kineticcasebook.support.CaseSequences.GeneratedCase;
import com.kineticcasebook.support.CaseSequences.Step;
import com.kineticcasebook.support.Projections;
import com.kineticcasebook.support.TestDatabase;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Random valid cases, with every optional field sometimes left out, sent through the command bus
 * of the running application on PostgreSQL: every command is accepted, every case is projected
 * with nothing parked and exactly as the fold of its stored events gives it, and a rebuild of the
 * projection from the event store reproduces every read table.
 *
 * <p>jqwik runs its properties on its own engine, outside Spring's test context, so this class
 * starts the application itself, once for all tries.
 */
class CaseViewPropertyIT {

  private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(15);

  private static ConfigurableApplicationContext application;
  private static ClinicId clinic;
  private static UserId clinician;

  @BeforeContainer
  static void startTheApplication() throws Exception {
    TestDatabase database = TestDatabase.create();
    application = new SpringApplicationBuilder(CasebookApplication.class)
        .profiles("postgres")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + database.user(),
            "--spring.datasource.password=" + database.password(),
            "--spring.datasource.hikari.maximum-pool-size=6",
            "--casebook.data-dir=" + Files.createTempDirectory("casebook-property"));
    UserDirectory users = application.getBean(UserDirectory.class);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    clinic = new ClinicId(users.createClinic("Property " + suffix).clinicId());
    clinician = new UserId(users.createUser("property." + suffix,
        application.getBean(PasswordEncoder.class).encode("not-used-to-sign-in"), Set.of(Role.CLINICIAN)));
    users.addMember(clinician.value(), clinic.value());
  }

  @AfterContainer
  static void stopTheApplication() {
    if (application != null) {
      application.close();
    }
  }

  @Provide
  Arbitrary<GeneratedCase> cases() {
    return CaseSequences.cases(clinic, clinician, 3, 20);
  }

  /** Every try's case, with the position of its last event, for the checks after the last try. */
  private record Recorded(GeneratedCase generated, long position) {}

  private static final List<Recorded> recorded = new ArrayList<>();

  /**
   * Every generated command is accepted. Waiting for the projection after each case would cost
   * the processor's polling delay per try, so the projection is checked once after the last try,
   * for every case.
   */
  @Property(tries = 30)
  void everyGeneratedCommandIsAccepted(@ForAll("cases") GeneratedCase generated) {
    String caseId = generated.caseId().toString();
    Map<String, Object> metadata = Map.of(
        CaseEventMetadata.USER_ID, clinician.toString(),
        CaseEventMetadata.ROLES, List.of("CLINICIAN"),
        CaseEventMetadata.CLINIC_ID, clinic.toString(),
        CaseEventMetadata.CORRELATION_ID, "property-" + caseId);
    CaseCommandSender sender = application.getBean(CaseCommandSender.class);
    List<String> eventIds = new ArrayList<>();
    long position = -1;
    for (Step step : generated.steps()) {
      RecordedPosition event = sender.send(caseId, step.command().apply(eventIds), metadata);
      eventIds.add(event.eventId());
      position = event.globalIndex();
    }
    recorded.add(new Recorded(generated, position));
  }

  /**
   * After the last try: nothing is parked, every case reads exactly as the fold of its stored
   * events gives it (with its last event, so nothing is held back), the dashboard and the
   * caseload's search answer over them, and the read tables rebuilt from the event store are the
   * live ones, row for row.
   */
  @AfterProperty
  void everyCaseIsProjectedAsItsEventsFoldAndARebuildReproducesIt() {
    awaitProjected(recorded.stream().mapToLong(Recorded::position).max().orElse(-1));
    assertThat(application.getBean(EventProcessingConfiguration.class).deadLetterQueue(ProcessingGroups.CASE_VIEWS)
        .orElseThrow().size()).as("nothing is parked").isZero();
    CaseFold fold = new CaseFold(application.getBean(Clock.class).getZone());
    EventStore events = application.getBean(EventStore.class);
    QueryGateway queries = application.getBean(QueryGateway.class);
    JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
    for (Recorded each : recorded) {
      GeneratedCase generated = each.generated();
      var history = events.readEvents(generated.caseId().toString()).asStream().toList();
      CaseFold.Folded folded = fold.fold(history);
      // Each recording instant's version of the outcome rows is what the events recorded up to then give.
      for (int i = 0; i < history.size(); i++) {
        java.time.Instant at = history.get(i).getTimestamp();
        if (i + 1 < history.size() && !history.get(i + 1).getTimestamp().isAfter(at)) {
          continue;
        }
        CaseFold.Folded then = fold.fold(history.subList(0, i + 1));
        CaseFold.OutcomeVersion version = folded.outcomeHistory().stream()
            .filter(v -> !v.recordedFrom().isAfter(at)).reduce((a, b) -> b).orElse(null);
        assertThat(version == null ? List.of() : version.secondaries()).as(generated + " as of " + at)
            .isEqualTo(then == null ? List.of() : then.secondaries());
        assertThat(version == null ? List.of() : version.measures()).as(generated + " as of " + at)
            .isEqualTo(then == null ? List.of() : then.measures());
      }
      CaseView live = queries.query(new FindCaseView(generated.caseId()),
          ResponseTypes.optionalInstanceOf(CaseView.class)).join().orElseThrow();
      CaseTimeline timeline = queries.query(new FindCaseTimeline(generated.caseId()),
          ResponseTypes.optionalInstanceOf(CaseTimeline.class)).join().orElseThrow();

      assertThat(live).as(generated.toString()).isEqualTo(folded.view());
      assertThat(timeline.entries()).as(generated.toString()).isEqualTo(folded.timelineEntries());
      assertThat(live.status()).as(generated.toString())
          .isEqualTo(generated.closed() ? CaseStatus.CLOSED : CaseStatus.OPEN);
      assertThat(live.version()).as("no event is held back").isEqualTo(generated.steps().size() - 1);
      assertThat(live.injuries()).hasSize(generated.liveInjuries());
      assertThat(live.openInjuries()).isEqualTo(generated.openInjuries());
      Map<String, Object> caseload = jdbc.queryForMap(
          "SELECT search_codes, clinician_ids, last_activity_at FROM case_view WHERE case_id = ?",
          generated.caseId().value());
      assertThat(elements(caseload.get("search_codes"))).as(generated.toString())
          .isEqualTo(folded.caseload().searchCodes());
      assertThat(elements(caseload.get("clinician_ids"))).as(generated.toString())
          .isEqualTo(folded.caseload().clinicianIds());
      assertThat(((java.sql.Timestamp) caseload.get("last_activity_at")).toInstant())
          .isEqualTo(folded.caseload().lastActivityAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outcome_secondary WHERE case_id = ? AND valid_to IS NULL", Integer.class,
          generated.caseId().value())).isEqualTo(folded.secondaries().size());
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outcome_measure_change WHERE case_id = ? AND valid_to IS NULL", Integer.class,
          generated.caseId().value())).isEqualTo(folded.measures().size());
    }

    OutcomeDashboard dashboard = queries.query(new FindOutcomeDashboard(clinic, null, null), OutcomeDashboard.class)
        .join();
    // The dashboard from the rows kept in memory is the one computed from the tables (as of now, row by row).
    OutcomeDashboard fromTables = queries.query(new FindOutcomeDashboard(clinic, null, null, java.time.Instant.now()),
        OutcomeDashboard.class).join();
    assertThat(dashboard).usingRecursiveComparison().ignoringFields("computedAt", "asOf").isEqualTo(fromTables);
    // A secondary linked only after it had cleared is counted there and in no other figure.
    assertThat(dashboard.secondaries().total() + dashboard.linkedAfterClearance())
        .as("the dashboard counts every secondary")
        .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM outcome_secondary WHERE valid_to IS NULL", Integer.class));
    for (String search : List.of("pain", "N-1", "TENDINOPATHY")) {
      assertThat(queries.query(new ListCases(Set.of(clinic), null, search, 0, 100), CaseListPage.class).join())
          .as("the caseload searches for " + search).isNotNull();
    }

    Map<String, List<Map<String, Object>>> live = Projections.readModels(jdbc);
    assertThat(live.get("case_view")).as("every case is in the caseload")
        .hasSize(jdbc.queryForObject("SELECT COUNT(DISTINCT aggregate_identifier) FROM domain_event_entry", Integer.class));
    ProjectionOperations operations = application.getBean(ProjectionOperations.class);
    assertThat(operations.rebuild(ProcessingGroups.CASE_VIEWS)).isTrue();
    long deadline = System.nanoTime() + PROJECTED_WITHIN.toNanos();
    while (operations.list().stream().filter(p -> p.name().equals(ProcessingGroups.CASE_VIEWS))
        .anyMatch(p -> p.rebuilding() || p.position() < p.headPosition())) {
      assertThat(System.nanoTime()).as("the rebuild finishes").isLessThan(deadline);
      pause();
    }
    assertThat(Projections.readModels(jdbc)).isEqualTo(live);
  }

  private static List<Object> elements(Object array) {
    try {
      return List.of((Object[]) ((java.sql.Array) array).getArray());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitProjected(long position) {
    ProjectionPositions positions = application.getBean(ProjectionPositions.class);
    long deadline = System.nanoTime() + PROJECTED_WITHIN.toNanos();
    while (positions.processed(ProcessingGroups.CASE_VIEWS).orElse(-1) < position) {
      assertThat(System.nanoTime()).as("the projection reaches position " + position).isLessThan(deadline);
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
