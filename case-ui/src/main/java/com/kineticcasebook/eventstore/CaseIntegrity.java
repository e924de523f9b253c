package com.kineticcasebook.eventstore;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Verifies a case's hash chain against the rows stored in the event table. */
@Service
public class CaseIntegrity {

  private final JdbcTemplate jdbc;

  CaseIntegrity(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Empty when the case has no events at all. */
  @Transactional(readOnly = true)
  public Optional<EventHashChain.Verification> verify(String caseId) {
    List<EventHashChain.StoredEvent> events =
        jdbc.query(EventHashChain.selectRows(), (rs, row) -> EventHashChain.row(rs), caseId);
    List<EventHashChain.Link> links = jdbc.query(
        "SELECT event_identifier, previous_hash, hash FROM event_hash WHERE aggregate_identifier = ?",
        (rs, row) -> new EventHashChain.Link(rs.getString(1), rs.getString(2), rs.getString(3)), caseId);
    if (events.isEmpty() && links.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(EventHashChain.verify(events, links));
  }
}
