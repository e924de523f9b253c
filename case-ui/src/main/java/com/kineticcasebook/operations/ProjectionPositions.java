package com.kineticcasebook.operations;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each streaming projection has got, read from the token store: a token is committed in
 * the same transaction as the read rows it covers, and the token store is shared by every node,
 * so this is true whichever node processed the events.
 */
@Component
public class ProjectionPositions {

  private final JdbcTemplate jdbc;
  private final Serializer serializer;

  ProjectionPositions(JdbcTemplate jdbc, Serializer serializer) {
    this.jdbc = jdbc;
    this.serializer = serializer;
  }

  /** The global index every segment of the processor has processed; empty before its first token. */
  public OptionalLong processed(String processor) {
    List<Long> positions = jdbc.query(
        "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
        (rs, row) -> position(rs.getBytes(1), rs.getString(2)),
        processor);
    if (positions.isEmpty() || positions.contains(null)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(positions.stream().mapToLong(Long::longValue).min().orElseThrow());
  }

  /** The newest event's global index, or -1 for an empty store. */
  public long head() {
    Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    return head == null ? -1 : head;
  }

  private Long position(byte[] token, String type) {
    if (token == null || type == null) {
      return null;
    }
    TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    return tracking == null ? null : tracking.position().orElse(-1);
  }
}
