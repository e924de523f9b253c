package com.kineticcasebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.kineticcasebook.support.ApplicationTest;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.Tampering;
import com.kineticcasebook.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The documented offline check, run as its own process from the packaged jar: a pg_dump of the
 * store, restored elsewhere, verified against the checkpoint files and the public key alone.
 */
class OfflineVerificationIT extends ApplicationTest {

  private static final TestDatabase DATABASE = TestDatabase.create();

  @DynamicPropertySource
  static void aDatabaseOfItsOwn(DynamicPropertyRegistry registry) {
    useDatabase(registry, DATABASE);
    registry.add("casebook.checkpoints.interval", () -> "PT24H");
  }

  @Autowired private CheckpointProperties checkpoints;

  record Outcome(int exit, String output) {}

  @Test
  void aRestoredDumpVerifiesIntactAndFailsOnceTamperedOrWithAFileOrKeyThatIsNotTrusted() throws Exception {
    CaseScript recorded = CaseScript.open(as("clinician.north"), north.toString(), "N-6101",
        LocalDate.now().minusDays(9), 0);
    recorded.injury("CALF", "LEFT", "CALF_STRAIN", 1);
    recorded.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    assertThat(as("auditor").post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(201);
    Path publicKey = CheckpointKey.publicKeyFile(checkpoints.key());

    Outcome live = verify(DATABASE, checkpoints.directory(), publicKey);
    assertThat(live.exit()).as(live.output()).isZero();
    assertThat(live.output()).contains("INTACT").contains("Latest checkpoint: 1");

    Path dump = Files.createTempFile("casebook", ".dump");
    assumeTrue(TestDatabase.clientToolsAvailable(),
        "skipped: the offline check of a restored dump needs PostgreSQL's client tools pg_dump and pg_restore");
    run("pg_dump", "--format=custom", "--no-owner", "--host=127.0.0.1", "--port=" + DATABASE.port(),
        "--username=" + DATABASE.user(),
        "--file=" + dump, name(DATABASE));
    TestDatabase restored = TestDatabase.create();
    run("pg_restore", "--no-owner", "--exit-on-error", "--host=127.0.0.1", "--port=" + restored.port(),
        "--username=" + restored.user(),
        "--dbname=" + name(restored), dump.toString());
    Outcome intact = verify(restored, checkpoints.directory(), publicKey);
    assertThat(intact.exit()).as(intact.output()).isZero();

    Path otherKey = Files.createTempDirectory("other-key").resolve("other.pem");
    CheckpointKey.loadOrCreate(otherKey);
    Outcome untrusted = verify(restored, checkpoints.directory(), CheckpointKey.publicKeyFile(otherKey));
    assertThat(untrusted.exit()).as(untrusted.output()).isOne();
    assertThat(untrusted.output()).contains("signature does not verify");

    Path altered = Files.createTempDirectory("altered-checkpoints");
    try (Stream<Path> files = Files.list(checkpoints.directory())) {
      for (Path file : files.toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(altered.resolve(file.getFileName()), text.replace("\"cases\" : 1", "\"cases\" : 2"));
      }
    }
    Outcome alteredFile = verify(restored, altered, publicKey);
    assertThat(alteredFile.exit()).as(alteredFile.output()).isOne();
    assertThat(alteredFile.output()).contains("is refused");

    JdbcTemplate owner = new JdbcTemplate(TestDatabase.ownerDataSource(restored.url()));
    owner.update("UPDATE domain_event_entry SET payload = overlay(payload placing '\\x21'::bytea from 10 for 1) "
        + "WHERE aggregate_identifier = ? AND sequence_number = 0", recorded.caseId());
    Tampering.of(owner, recorded.caseId()).rechain();
    Outcome tampered = verify(restored, checkpoints.directory(), publicKey);
    assertThat(tampered.exit()).as(tampered.output()).isOne();
    assertThat(tampered.output()).contains("NOT INTACT: CHANGED_SINCE_CHECKPOINT").contains(recorded.caseId());
  }

  private static Outcome verify(TestDatabase database, Path directory, Path publicKey) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-jar", jar().toString(), "verify",
        "--db-url=" + database.url(), "--db-user=" + database.runtimeUser(), "--checkpoints=" + directory,
        "--public-key=" + publicKey));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", database.runtimePassword());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Outcome(process.exitValue(), output);
  }

  private static String name(TestDatabase database) {
    return database.url().substring(database.url().lastIndexOf('/') + 1);
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("case-ui-.*\\.jar"))
          .findFirst().orElseThrow(() -> new AssertionError("package the application before the integration tests"))
          .toAbsolutePath();
    }
  }
}
