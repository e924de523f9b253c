package com.kineticcasebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.ApplicationTest;
import com.kineticcasebook.support.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every stored event is a link of its case's hash chain; changing a stored byte breaks it there.
 * These tests corrupt stored events on purpose, so they run on a database of their own.
 */
class TamperEvidenceIT extends ApplicationTest {

  private static final TestDatabase TAMPERED = TestDatabase.create();

  @DynamicPropertySource
  static void aDatabaseOfItsOwn(DynamicPropertyRegistry registry) {
    useDatabase(registry, TAMPERED);
  }

  private ApiClient auditor;
  private CaseScript recorded;

  @BeforeEach
  void aCaseOfFourEvents() {
    assertThat(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL()))
        .as("tampering stays in this test's own database").isEqualTo(TAMPERED.url());
    auditor = as("auditor");
    recorded = CaseScript.open(as("clinician.north"), north.toString(), "N-5001", LocalDate.now().minusDays(20), 0);
    String calf = recorded.injury("CALF", "LEFT", "CALF_STRAIN", 1);
    String knee = recorded.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    recorded.hypothesis(calf, List.of(knee));
  }

  @Test
  void theChainLinksEveryEventToTheOneBefore() {
    JsonNode events = auditor.get("/api/v1/audit/cases/" + recorded.caseId() + "/events").json().get("events");
    assertThat(events.size()).isEqualTo(4);
    assertThat(events.get(0).get("previousHash").asString()).isEqualTo("0".repeat(64));
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).get("previousHash").asString()).isEqualTo(events.get(i - 1).get("hash").asString());
      assertThat(events.get(i).get("hash").asString()).hasSize(64);
    }
    JsonNode verification = verification();
    assertThat(verification.get("intact").asBoolean()).isTrue();
    assertThat(verification.get("events").asInt()).isEqualTo(4);
    assertThat(verification.get("firstBrokenEventId").isNull()).isTrue();
  }

  @Test
  void oneChangedByteOfAStoredPayloadBreaksTheChainAtExactlyThatEvent() {
    String second = eventId(2);
    int changed = jdbc.update("UPDATE domain_event_entry SET payload = overlay(payload placing '\\x21'::bytea "
        + "from 10 for 1) WHERE event_identifier = ?", second);
    assertThat(changed).isOne();

    JsonNode verification = verification();
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenEventId").asString()).isEqualTo(second);
  }

  @Test
  void aChangedTimestampOrMetadataIsCaughtToo() {
    String first = eventId(1);
    jdbc.update("UPDATE domain_event_entry SET meta_data = overlay(meta_data placing '\\x21'::bytea from 3 for 1) "
        + "WHERE event_identifier = ?", first);
    assertThat(verification().get("firstBrokenEventId").asString()).isEqualTo(first);
  }

  @Test
  void aDeletedEventIsCaught() {
    String last = eventId(3);
    jdbc.update("DELETE FROM domain_event_entry WHERE event_identifier = ?", last);
    JsonNode verification = verification();
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenEventId").asString()).isEqualTo(last);
  }

  @Test
  void onlyAuditorsVerify() {
    assertThat(as("admin").get("/api/v1/audit/cases/" + recorded.caseId() + "/verification").status()).isEqualTo(403);
    assertThat(as("clinician.north").get("/api/v1/audit/cases/" + recorded.caseId() + "/verification").status())
        .isEqualTo(403);
  }

  private JsonNode verification() {
    var response = auditor.get("/api/v1/audit/cases/" + recorded.caseId() + "/verification");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private String eventId(int sequenceNumber) {
    return jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? "
        + "AND sequence_number = ?", String.class, recorded.caseId(), sequenceNumber);
  }
}
