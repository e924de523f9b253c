package com.kineticcasebook.audit;

import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.FindCaseStateAsOf;
import com.kineticcasebook.eventstore.CaseIntegrity;
import com.kineticcasebook.eventstore.EventHashChain;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import com.kineticcasebook.projections.caseview.EventNames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only replay for auditors, straight from the event store: every event of a case as it was
 * stored with its hash-chain link, the chain's verification, and the case as it stood at an
 * instant, folded from the events recorded up to then.
 */
@RestController
@RequestMapping("/api/v1/audit/cases/{caseId}")
class AuditController {

  /** One stored event with its metadata and payload exactly as recorded. */
  record RecordedEvent(String eventId, long globalIndex, long sequenceNumber, String type, String revision,
      Instant recordedAt, String userId, JsonNode roles, String correlationId, JsonNode metadata, JsonNode payload,
      String hash, String previousHash) {}

  private final JdbcTemplate jdbc;
  private final QueryGateway queries;
  private final CaseIntegrity integrity;
  private final JsonMapper json = JsonMapper.builder().build();

  AuditController(JdbcTemplate jdbc, QueryGateway queries, CaseIntegrity integrity) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.integrity = integrity;
  }

  @GetMapping("/events")
  Map<String, List<RecordedEvent>> events(@PathVariable UUID caseId) {
    List<RecordedEvent> events = jdbc.query("""
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
              json.readTree(rs.getBytes("payload")), rs.getString("hash"), rs.getString("previous_hash"));
        },
        caseId.toString());
    if (events.isEmpty()) {
      throw new ApiException(Problems.notFound("case"));
    }
    return Map.of("events", events);
  }

  @GetMapping("/verification")
  EventHashChain.Verification verification(@PathVariable UUID caseId) {
    return integrity.verify(caseId.toString()).orElseThrow(() -> new ApiException(Problems.notFound("case")));
  }

  @GetMapping("/state")
  CaseView state(@PathVariable UUID caseId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
    return queries.query(new FindCaseStateAsOf(new CaseId(caseId), asOf),
            ResponseTypes.optionalInstanceOf(CaseView.class)).join()
        .orElseThrow(() -> new ApiException(Problems.notFound("case at that instant")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
