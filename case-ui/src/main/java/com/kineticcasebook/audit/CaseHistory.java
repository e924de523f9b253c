package com.kineticcasebook.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.FindCaseStateAsOf;
import com.kineticcasebook.caseload.FindCasesOfPatient;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.projections.caseview.EventNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads cases' histories from the event store itself, never from a projection: what the auditor's
 * API and pages show is what was recorded, and the state as of an instant is folded from it.
 */
@Component
class CaseHistory {

  /**
   * One stored event with its metadata and payload exactly as recorded; {@code recordedPayload} is
   * the payload's stored text, byte for byte, for the pages (the API carries it as {@code payload}).
   */
  record RecordedEvent(String eventId, long globalIndex, long sequenceNumber, String type, String revision,
      Instant recordedAt, String userId, JsonNode roles, String correlationId, JsonNode metadata, JsonNode payload,
      String hash, String previousHash, @JsonIgnore String recordedPayload) {}

  /** A case and when an event was last recorded on it, with its clinic and reference as opened. */
  record RecentCase(UUID caseId, UUID clinicId, String patientRef, Instant lastRecordedAt) {}

  /** How far back in the event store the list of recently changed cases looks. */
  private static final int RECENT_EVENTS_SCANNED = 2000;

  private final JdbcTemplate jdbc;
  private final QueryGateway queries;
  private final JsonMapper json = JsonMapper.builder().build();

  CaseHistory(JdbcTemplate jdbc, QueryGateway queries) {
    this.jdbc = jdbc;
    this.queries = queries;
  }

  /** The case as it stood at an instant, folded from the events recorded up to then; empty before it was opened. */
  Optional<CaseView> stateAsOf(UUID caseId, Instant asOf) {
    return queries.query(new FindCaseStateAsOf(new CaseId(caseId), asOf),
        ResponseTypes.optionalInstanceOf(CaseView.class)).join();
  }

  /**
   * The cases a clinic opened for a patient reference, in any letter case, oldest first, asked of
   * the case directory (which knows a case from the moment it is opened).
   */
  List<FindCasesOfPatient.CaseFound> casesOf(UUID clinicId, String patientRef) {
    return queries.query(new FindCasesOfPatient(new ClinicId(clinicId), patientRef),
        ResponseTypes.multipleInstancesOf(FindCasesOfPatient.CaseFound.class)).join();
  }

  /** In sequence order; empty when the case has no events. */
  List<RecordedEvent> events(UUID caseId) {
    return jdbc.query("""
        SELECT e.event_identifier, e.global_index, e.sequence_number, e.payload_type, e.payload_revision,
               e.time_stamp, e.meta_data, e.payload, h.hash, h.previous_hash
        FROM domain_event_entry e LEFT JOIN event_hash h ON h.event_identifier = e.event_identifier
        WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number""",
        (rs, row) -> {
          JsonNode metadata = rs.getBytes("meta_data") == null ? json.createObjectNode()
              : json.readTree(rs.getBytes("meta_data"));
          String type = rs.getString("payload_type");
          return new RecordedEvent(rs.getString("event_identifier"), rs.getLong("global_index"),
              rs.getLong("sequence_number"), EventNames.type(type.substring(type.lastIndexOf('.') + 1)),
              rs.getString("payload_revision"), Instant.parse(rs.getString("time_stamp")),
              text(metadata, "userId"), metadata.get("roles"), text(metadata, "correlationId"), metadata,
              json.readTree(rs.getBytes("payload")), rs.getString("hash"), rs.getString("previous_hash"),
              new String(rs.getBytes("payload"), StandardCharsets.UTF_8));
        },
        caseId.toString());
  }

  /**
   * The cases with the most recent events, newest first, across every clinic. Only the latest
   * events are scanned, so the list stays quick however large the store grows.
   */
  List<RecentCase> recentlyChanged(int limit) {
    return jdbc.query("""
        SELECT recent.aggregate_identifier, recent.last_index, latest.time_stamp, opened.payload
        FROM (SELECT aggregate_identifier, MAX(global_index) AS last_index
              FROM (SELECT aggregate_identifier, global_index FROM domain_event_entry
                    ORDER BY global_index DESC LIMIT ?) scanned
              GROUP BY aggregate_identifier) recent
        JOIN domain_event_entry latest ON latest.global_index = recent.last_index
        JOIN domain_event_entry opened ON opened.aggregate_identifier = recent.aggregate_identifier
             AND opened.sequence_number = 0
        ORDER BY recent.last_index DESC LIMIT ?""",
        (rs, row) -> {
          JsonNode opened = json.readTree(rs.getBytes("payload"));
          String clinic = text(opened, "clinicId");
          return new RecentCase(UUID.fromString(rs.getString("aggregate_identifier")),
              clinic == null ? null : UUID.fromString(clinic), text(opened, "patientRef"),
              Instant.parse(rs.getString("time_stamp")));
        },
        RECENT_EVENTS_SCANNED, limit);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
