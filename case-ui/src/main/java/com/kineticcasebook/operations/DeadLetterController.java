package com.kineticcasebook.operations;

import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dead letters for administrators: what a projection could not process, and retrying it after a fix. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

  /** A parked event, without its payload: the cause and where it belongs are what an operator needs. */
  record DeadLetter(String processingGroup, String caseId, long sequenceIndex, String eventId, String eventType,
      String enqueuedAt, String causeType, String causeMessage) {}

  private final JdbcTemplate jdbc;
  private final DeadLetterRetries retries;

  DeadLetterController(JdbcTemplate jdbc, DeadLetterRetries retries) {
    this.jdbc = jdbc;
    this.retries = retries;
  }

  @GetMapping
  Map<String, List<DeadLetter>> list() {
    return Map.of("deadLetters", jdbc.query("""
        SELECT processing_group, sequence_identifier, sequence_index, event_identifier, payload_type, enqueued_at,
               cause_type, cause_message
        FROM dead_letter_entry ORDER BY processing_group, sequence_identifier, sequence_index LIMIT 1000""",
        (rs, row) -> new DeadLetter(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
            simpleName(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8))));
  }

  /** Processes the group's dead letters again, sequence by sequence; those that fail again stay parked. */
  @PostMapping("/{group}/retry")
  Map<String, Object> retry(@PathVariable String group) {
    DeadLetterRetries.Result result = retries.retry(group)
        .orElseThrow(() -> new ApiException(Problems.notFound("dead-letter queue")));
    return Map.of("processingGroup", result.processingGroup(), "sequencesProcessed", result.sequencesProcessed(),
        "remaining", result.remaining());
  }

  private static String simpleName(String type) {
    return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
  }
}
