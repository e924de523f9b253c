package com.kineticcasebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.eventstore.CheckpointProperties;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApplicationTest;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.Tampering;
import com.kineticcasebook.support.TestDatabase;
import com.kineticcasebook.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every stored event is a link of its case's hash chain; changing a stored byte breaks it there.
 * A signed checkpoint pins every case's history up to it, so that rewriting events together with
 * their chain rows, removing a case's last events or the whole case, or inserting an event is
 * caught too. These tests tamper as the tables' owner on a database of their own, and put each
 * case back afterwards so that every test starts from a store that agrees with its checkpoints.
 */
class TamperEvidenceIT extends ApplicationTest {

  private static final TestDatabase TAMPERED = TestDatabase.create();

  @DynamicPropertySource
  static void aDatabaseOfItsOwn(DynamicPropertyRegistry registry) {
    useDatabase(registry, TAMPERED);
    // Checkpoints only when a test asks for one.
    registry.add("casebook.checkpoints.interval", () -> "PT24H");
  }

  @Autowired private CheckpointProperties checkpointProperties;

  private ApiClient auditor;
  private CaseScript recorded;
  private JdbcTemplate owner;
  private Tampering tampering;

  @BeforeEach
  void aCaseOfFourEvents() {
    assertThat(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL()))
        .as("tampering stays in this test's own database").isEqualTo(TAMPERED.url());
    auditor = as("auditor");
    recorded = CaseScript.open(as("clinician.north"), north.toString(), "N-5001", LocalDate.now().minusDays(20), 0);
    String calf = recorded.injury("CALF", "LEFT", "CALF_STRAIN", 1);
    String knee = recorded.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    recorded.hypothesis(calf, List.of(knee));
    owner = asOwner();
    tampering = Tampering.of(owner, recorded.caseId());
  }

  @AfterEach
  void putTheCaseBack() {
    tampering.restore();
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
    int changed = owner.update("UPDATE domain_event_entry SET payload = overlay(payload placing '\\x21'::bytea "
        + "from 10 for 1) WHERE event_identifier = ?", second);
    assertThat(changed).isOne();

    JsonNode verification = verification();
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenEventId").asString()).isEqualTo(second);
    assertThat(verification.get("reason").asString()).isEqualTo("CHAIN_BROKEN");
  }

  @Test
  void theAuditorsCasePageNamesTheEventWhereTheChainBreaks() {
    String first = eventId(1);
    owner.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
        + "'\"LEFT\"', '\"RIGHT\"'), 'UTF8') WHERE event_identifier = ?", first);
    String page = WebSession.signIn(port, "auditor", PASSWORD).get("/audit/cases/" + recorded.caseId()).body();
    assertThat(page).contains("Altered").contains("The hash chain breaks at event").contains(first);
  }

  @Test
  void aChangedTimestampOrMetadataIsCaughtToo() {
    String first = eventId(1);
    owner.update("UPDATE domain_event_entry SET meta_data = overlay(meta_data placing '\\x21'::bytea from 3 for 1) "
        + "WHERE event_identifier = ?", first);
    assertThat(verification().get("firstBrokenEventId").asString()).isEqualTo(first);
  }

  @Test
  void aDeletedEventIsCaught() {
    String last = eventId(3);
    owner.update("DELETE FROM domain_event_entry WHERE event_identifier = ?", last);
    JsonNode verification = verification();
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenEventId").asString()).isEqualTo(last);
  }

  @Test
  void afterACheckpointARewrittenPayloadWithItsChainRecomputedIsCaught() {
    long checkpoint = checkpoint();
    // A plausible forgery: the left calf becomes the right one, the payload still valid JSON.
    int changed = owner.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, "
        + "'UTF8'), '\"LEFT\"', '\"RIGHT\"'), 'UTF8') WHERE event_identifier = ?", eventId(1));
    assertThat(changed).isOne();
    tampering.rechain();

    assertNotIntact(verification(), "CHANGED_SINCE_CHECKPOINT", eventId(3), checkpoint);
    assertStoreNotIntact();
    // The auditor's case page says so too, in the verification's own words.
    String page = WebSession.signIn(port, "auditor", PASSWORD).get("/audit/cases/" + recorded.caseId()).body();
    assertThat(page).contains("Altered").contains("no longer matches checkpoint " + checkpoint)
        .doesNotContain("The hash chain breaks at event");
  }

  @Test
  void afterACheckpointTheLastEventDeletedWithItsChainRowIsCaught() {
    long checkpoint = checkpoint();
    String last = eventId(3);
    owner.update("DELETE FROM event_hash WHERE event_identifier = ?", last);
    owner.update("DELETE FROM domain_event_entry WHERE event_identifier = ?", last);

    JsonNode verification = verification();
    assertNotIntact(verification, "EVENTS_REMOVED", last, checkpoint);
    assertThat(verification.get("events").asInt()).isEqualTo(3);
    assertStoreNotIntact();
  }

  @Test
  void afterACheckpointACaseWithAllItsEventsAndChainRowsDeletedIsNotIntactRatherThanUnknown() {
    long checkpoint = checkpoint();
    String last = eventId(3);
    owner.update("DELETE FROM event_hash WHERE aggregate_identifier = ?", recorded.caseId());
    owner.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", recorded.caseId());

    JsonNode verification = verification();
    assertNotIntact(verification, "CASE_REMOVED", last, checkpoint);
    assertThat(verification.get("events").asInt()).isZero();
    assertStoreNotIntact();
    // A case that neither the store nor any checkpoint knows is still unknown.
    assertThat(auditor.get("/api/v1/audit/cases/" + UUID.randomUUID() + "/verification").status()).isEqualTo(404);
  }

  @Test
  void afterACheckpointAnEventInsertedInTheMiddleWithTheChainRecomputedIsCaught() {
    long checkpoint = checkpoint();
    String head = eventId(3);
    tampering.insertCopyBefore(2, UUID.randomUUID().toString());
    tampering.rechain();

    JsonNode verification = verification();
    assertNotIntact(verification, "CHANGED_SINCE_CHECKPOINT", head, checkpoint);
    assertThat(verification.get("events").asInt()).isEqualTo(5);
    assertStoreNotIntact();
  }

  @Test
  void eventsAfterTheLatestCheckpointAreCheckedByTheChain() {
    checkpoint();
    recorded.injury("HIP", "LEFT", "HIP_FLEXOR_STRAIN", 3);
    assertThat(verification().get("intact").asBoolean()).isTrue();
    assertThat(store().get("intact").asBoolean()).isTrue();

    String after = eventId(4);
    owner.update("UPDATE domain_event_entry SET payload = overlay(payload placing '\\x21'::bytea from 10 for 1) "
        + "WHERE event_identifier = ?", after);
    JsonNode verification = verification();
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("reason").asString()).isEqualTo("CHAIN_BROKEN");
    assertThat(verification.get("firstBrokenEventId").asString()).isEqualTo(after);
  }

  @Test
  void noCheckpointIsSignedOverARewrittenHistory() {
    checkpoint();
    owner.update("UPDATE domain_event_entry SET payload = overlay(payload placing '\\x21'::bytea from 10 for 1) "
        + "WHERE event_identifier = ?", eventId(1));
    tampering.rechain();

    ApiClient.Response refused = auditor.post("/api/v1/audit/checkpoints", Map.of());
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.headers().get("Content-Type").get(0)).startsWith("application/problem+json");
  }

  @Test
  void checkpointsAreListedNewestFirstAndTheirFilesVerifyWithTheListedPublicKey() throws Exception {
    long first = checkpoint();
    long second = checkpoint();
    assertThat(second).isGreaterThan(first);

    JsonNode listing = auditor.get("/api/v1/audit/checkpoints").json();
    assertThat(listing.get("algorithm").asString()).isEqualTo("Ed25519");
    JsonNode newest = listing.get("checkpoints").get(0);
    assertThat(newest.get("number").asLong()).isEqualTo(second);
    assertThat(listing.get("checkpoints").get(1).get("number").asLong()).isEqualTo(first);

    // The file's statement, rebuilt as docs/security.md describes it, verifies with the listed key.
    JsonNode file = JsonMapper.builder().build().readTree(
        Files.readString(checkpointProperties.directory().resolve(newest.get("file").asString())));
    JsonNode body = file.get("checkpoint");
    assertThat(body.get("root").asString()).isEqualTo(newest.get("root").asString());
    String statement = "kinetic-casebook-checkpoint/1\nnumber=" + body.get("number").asLong() + "\ncreatedAt="
        + body.get("createdAt").asString() + "\nposition=" + body.get("position").asLong() + "\nevents="
        + body.get("events").asLong() + "\ncases=" + body.get("cases").asLong() + "\nroot=" + body.get("root").asString()
        + "\n";
    Signature signature = Signature.getInstance("Ed25519");
    signature.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
        new X509EncodedKeySpec(Base64.getDecoder().decode(listing.get("publicKey").asString()))));
    signature.update(statement.getBytes(StandardCharsets.UTF_8));
    assertThat(signature.verify(Base64.getDecoder().decode(file.get("signature").asString()))).isTrue();
    List<String> heads = new ArrayList<>();
    body.get("heads").forEach(head -> heads.add(head.get("caseId").asString()));
    assertThat(heads).contains(recorded.caseId());
  }

  @Test
  void aCheckpointFileChangedByOneByteMakesVerificationRefuseIt() throws Exception {
    checkpoint();
    Path latest;
    try (var files = Files.list(checkpointProperties.directory())) {
      latest = files.filter(p -> p.getFileName().toString().startsWith("checkpoint-")).sorted().reduce((a, b) -> b)
          .orElseThrow();
    }
    byte[] original = Files.readAllBytes(latest);
    String text = new String(original, StandardCharsets.UTF_8);
    int at = text.indexOf("\"events\" : ") + "\"events\" : ".length();
    byte[] changed = original.clone();
    changed[at] = (byte) (changed[at] == '9' ? '8' : changed[at] + 1);
    Files.write(latest, changed);
    try {
      JsonNode verification = verification();
      assertThat(verification.get("intact").asBoolean()).isFalse();
      assertThat(verification.get("reason").asString()).isEqualTo("CHECKPOINT_REFUSED");
      assertThat(verification.get("detail").asString()).contains("signature does not verify");
      assertThat(store().get("reason").asString()).isEqualTo("CHECKPOINT_REFUSED");
    } finally {
      Files.write(latest, original);
    }
    assertThat(verification().get("intact").asBoolean()).isTrue();
  }

  @Test
  void onlyAuditorsVerify() {
    for (String user : List.of("admin", "clinician.north")) {
      assertThat(as(user).get("/api/v1/audit/cases/" + recorded.caseId() + "/verification").status()).isEqualTo(403);
      assertThat(as(user).get("/api/v1/audit/verification").status()).isEqualTo(403);
      assertThat(as(user).post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(403);
    }
  }

  private long checkpoint() {
    ApiClient.Response created = auditor.post("/api/v1/audit/checkpoints", Map.of());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(verification().get("checkpoint").get("number").asLong()).isEqualTo(created.json().get("number").asLong());
    assertThat(verification().get("intact").asBoolean()).as("intact before tampering").isTrue();
    return created.json().get("number").asLong();
  }

  private void assertNotIntact(JsonNode verification, String reason, String eventId, long checkpoint) {
    assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isFalse();
    assertThat(verification.get("reason").asString()).isEqualTo(reason);
    assertThat(verification.get("firstAffectedCaseId").asString()).isEqualTo(recorded.caseId());
    assertThat(verification.get("firstBrokenEventId").asString()).isEqualTo(eventId);
    assertThat(verification.get("checkpoint").get("number").asLong()).isEqualTo(checkpoint);
  }

  private void assertStoreNotIntact() {
    JsonNode store = store();
    assertThat(store.get("intact").asBoolean()).as(store.toString()).isFalse();
    assertThat(store.get("affectedCases").asLong()).isOne();
    assertThat(store.get("firstAffectedCaseId").asString()).isEqualTo(recorded.caseId());
    List<String> affected = new ArrayList<>();
    store.get("affectedCaseIds").forEach(id -> affected.add(id.asString()));
    assertThat(affected).containsExactly(recorded.caseId());
  }

  private JsonNode verification() {
    var response = auditor.get("/api/v1/audit/cases/" + recorded.caseId() + "/verification");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private JsonNode store() {
    var response = auditor.get("/api/v1/audit/verification");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private String eventId(int sequenceNumber) {
    return owner.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? "
        + "AND sequence_number = ?", String.class, recorded.caseId(), sequenceNumber);
  }
}
