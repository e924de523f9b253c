package com.kineticcasebook.demo;

import com.kineticcasebook.CasebookProperties;
import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.eventstore.CaseCommandSender;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.generator.CaseGenerator;
import com.kineticcasebook.patientcase.CaseEventMetadata;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.MarkEnteredInError;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.projections.casedirectory.CaseDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode fills an empty demo database with realistic synthetic cases, recorded through the
 * command bus like any clinician's, so every screen and dashboard has something true to show.
 * {@code CASEBOOK_DEMO_CASES} sets how many (0 for none). Never active under {@code postgres}.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "casebook.demo.enabled", havingValue = "true")
@Order(1)
class DemoCases implements ApplicationRunner {

  static final long SEED = 20261121L;
  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
  private static final List<String> DEMO_CLINICIANS = List.of("clinician.north", "clinician.south");

  private final CaseCommandSender sender;
  private final UserDirectory users;
  private final CaseDirectory directory;
  private final Clock clock;
  private final int cases;

  DemoCases(CaseCommandSender sender, UserDirectory users, CaseDirectory directory, Clock clock,
      CasebookProperties properties) {
    this.sender = sender;
    this.users = users;
    this.directory = directory;
    this.clock = clock;
    this.cases = properties.demo().cases();
  }

  @Override
  public void run(ApplicationArguments args) {
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
    for (int i = 0; i < generated.size(); i++) {
      record(generated.get(i), "demo-" + i);
    }
    log.info("Demo mode: recorded {} synthetic cases in {} ms", generated.size(),
        (System.nanoTime() - started) / 1_000_000);
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

  private void record(CaseGenerator.GeneratedCase generated, String correlationId) {
    record(sender::send, generated, correlationId);
  }

  /** Where a generated case's commands go: the command bus here, an HTTP client in benchmarks. */
  @FunctionalInterface
  interface CaseSender {
    RecordedPosition send(String caseId, Object command, Map<String, ?> metadata);
  }
}
