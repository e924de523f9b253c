package com.kineticcasebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuditPagesTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void anInstantComesFromAnEventLinkOrFromTheDateTimeInputReadAsUtc() {
    assertThat(AuditPages.parseInstant("2026-03-14T09:30:00.123456Z")).contains(Instant.parse("2026-03-14T09:30:00.123456Z"));
    assertThat(AuditPages.parseInstant("2026-03-14T09:30")).contains(Instant.parse("2026-03-14T09:30:00Z"));
    assertThat(AuditPages.parseInstant("2026-03-14T09:30:05.250")).contains(Instant.parse("2026-03-14T09:30:05.250Z"));
    assertThat(AuditPages.parseInstant("yesterday")).isEmpty();
  }

  @Test
  void theInputShowsAnInstantInUtcToTheMillisecond() {
    assertThat(AuditPages.inputValue(Instant.parse("2026-03-14T09:30:05.250999Z"))).isEqualTo("2026-03-14T09:30:05.250");
    assertThat(AuditPages.shown(Instant.parse("2026-03-14T09:30:05.250999Z"))).isEqualTo("14 Mar 2026, 09:30:05.250 UTC");
  }

  @Test
  void anEventRowNamesItsAuthorAndLabelsItsPayloadFields() {
    UUID author = UUID.randomUUID();
    var event = new CaseHistory.RecordedEvent("e1", 41, 3, "GAIT_FILMED", "1", Instant.parse("2026-03-14T09:30:00Z"),
        author.toString(), json.readTree("[\"CLINICIAN\"]"), "c-1", json.createObjectNode(),
        json.readTree("{\"caseId\":\"x\",\"filmedOn\":\"2026-03-14\",\"findings\":{\"cadenceSpm\":168,\"antalgic\":true},"
            + "\"evidence\":[],\"video\":null}"),
        "a".repeat(64), AuditPages.GENESIS_HASH, "{}");
    AuditPages.EventRow row = AuditPages.rows(List.of(event), Map.of(author, "clinician.north"), "e1").get(0);
    assertThat(row.who()).isEqualTo("clinician.north");
    assertThat(row.type()).isEqualTo("Gait filmed");
    assertThat(row.roles()).isEqualTo("Clinician");
    assertThat(row.fields()).containsExactly(new AuditPages.Field("Filmed on", "2026-03-14"),
        new AuditPages.Field("Findings · cadence spm", "168"), new AuditPages.Field("Findings · antalgic", "true"),
        new AuditPages.Field("Evidence", "none"), new AuditPages.Field("Video", "—"));
    assertThat(row.previousHashShown()).isEqualTo("start of chain");
    assertThat(row.hashShown()).isEqualTo("aaaaaaaaaaaa…");
    assertThat(row.firstBroken()).isTrue();
  }

  @Test
  void detailsNameInjuriesPeopleClinicsAndCodesWhileTheRecordStaysAsStored() {
    UUID clinician = UUID.randomUUID();
    UUID clinic = UUID.randomUUID();
    String opened = "{\"caseId\":\"c\",\"clinicId\":\"" + clinic + "\",\"patientRef\":\"N-1\",\"assignedClinicianId\":\""
        + clinician + "\",\"openedOn\":\"2026-03-01\"}";
    String injury = "{\"caseId\":\"c\",\"injuryId\":\"i-1\",\"bodyRegion\":\"CALF\",\"side\":\"LEFT\","
        + "\"conditionCode\":\"CALF_STRAIN\",\"description\":\"Tight\",\"onsetOn\":\"2026-03-01\",\"painScore\":5}";
    String treated = "{\"caseId\":\"c\",\"treatmentId\":\"t-1\",\"targetInjuryId\":\"i-1\",\"modality\":\"TAPING\","
        + "\"plan\":\"Tape\",\"startedOn\":\"2026-03-02\"}";
    String unknown = "{\"caseId\":\"c\",\"injuryId\":\"i-9\",\"instrument\":\"NOT_AN_INSTRUMENT\",\"score\":3}";
    List<CaseHistory.RecordedEvent> events = List.of(event("e0", 0, "CASE_OPENED", opened),
        event("e1", 1, "INJURY_REPORTED", injury), event("e2", 2, "TREATMENT_STARTED", treated),
        event("e3", 3, "OUTCOME_MEASURED", unknown));

    List<AuditPages.EventRow> rows = AuditPages.rows(events, Map.of(clinician, "clinician.north"),
        Map.of(clinic, "North"), null);

    assertThat(rows.get(0).fields()).contains(new AuditPages.Field("Clinic", "North"),
        new AuditPages.Field("Assigned clinician", "clinician.north"));
    assertThat(rows.get(1).fields()).contains(new AuditPages.Field("Injury", "Calf (gastrocnemius or soleus) strain (left calf)"),
        new AuditPages.Field("Body region", "Calf"), new AuditPages.Field("Side", "Left"),
        new AuditPages.Field("Condition", "Calf (gastrocnemius or soleus) strain"));
    assertThat(rows.get(2).fields()).contains(
        new AuditPages.Field("Target injury", "Calf (gastrocnemius or soleus) strain (left calf)"),
        new AuditPages.Field("Modality", "Taping"));
    assertThat(rows.get(3).fields()).as("what the history does not name stays as recorded")
        .contains(new AuditPages.Field("Injury", "i-9"), new AuditPages.Field("Instrument", "NOT_AN_INSTRUMENT"));
    assertThat(rows.get(2).recorded()).isEqualTo(treated);
  }

  private CaseHistory.RecordedEvent event(String id, long sequence, String type, String payload) {
    return new CaseHistory.RecordedEvent(id, 40 + sequence, sequence, type, "1", Instant.parse("2026-03-14T09:30:00Z"),
        null, json.readTree("[\"CLINICIAN\"]"), "c-1", json.createObjectNode(), json.readTree(payload), "a".repeat(64),
        AuditPages.GENESIS_HASH, payload);
  }
}
