package com.kineticcasebook.eventstore;

import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.patientcase.PatientHasOpenCase;
import com.kineticcasebook.projections.casedirectory.CaseDirectory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a command to a case and reports where its last event landed. The command and the
 * look-up run in one transaction, so the row found is this command's own, never a concurrent
 * writer's; a surrounding transaction (an Idempotency-Key request) is joined.
 *
 * <p>The transaction first locks the case's directory row. Axon's own per-case lock ends with its
 * unit of work, before a surrounding transaction commits; the row lock lasts until the commit, so
 * two requests on one case (on any node) never load the same version and race for a sequence number.
 */
@Service
public class CaseCommandSender {

  private final CommandGateway commandGateway;
  private final JdbcTemplate jdbc;
  private final CaseDirectory directory;

  CaseCommandSender(CommandGateway commandGateway, JdbcTemplate jdbc, CaseDirectory directory) {
    this.commandGateway = commandGateway;
    this.jdbc = jdbc;
    this.directory = directory;
  }

  @Transactional
  public RecordedPosition send(String caseId, Object command) {
    lockCase(caseId, command);
    int mark = AppendedEvents.mark();
    commandGateway.sendAndWait(command);
    return lastEventOf(caseId, mark);
  }

  /**
   * Sends a command outside a web request (demo data, imports) with its identity metadata given
   * explicitly; the metadata interceptor still refuses a command without it.
   */
  @Transactional
  public RecordedPosition send(String caseId, Object command, Map<String, ?> metadata) {
    lockCase(caseId, command);
    int mark = AppendedEvents.mark();
    commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    return lastEventOf(caseId, mark);
  }

  /**
   * Sends a command that may append several events (a visit) and reports where each landed, in
   * order: the events this transaction appended to the case after the command was sent, which the
   * case's row lock makes exactly this command's.
   */
  @Transactional
  public List<RecordedPosition> sendForEach(String caseId, Object command) {
    lockCase(caseId, command);
    int mark = AppendedEvents.mark();
    commandGateway.sendAndWait(command);
    return AppendedEvents.since(mark, caseId);
  }

  /**
   * A case being opened has no row to lock yet; its patient is locked instead, and a second open
   * case for the patient is refused unless the command asks for one. An invalid opening goes to the
   * case, which refuses it with all its problems.
   */
  private void lockCase(String caseId, Object command) {
    if (!(command instanceof OpenCase opening)) {
      directory.lock(new CaseId(UUID.fromString(caseId)));
    } else if (!opening.openAnotherCase() && opening.violations().isEmpty()) {
      directory.lockOpenCaseOf(opening.clinicId(), opening.patientRef()).ifPresent(existing -> {
        throw new PatientHasOpenCase(existing);
      });
    }
  }

  /**
   * The command's last event, as appended in this transaction; a command that appended nothing
   * reports the case's last event as stored.
   */
  private RecordedPosition lastEventOf(String caseId, int mark) {
    List<RecordedPosition> appended = AppendedEvents.since(mark, caseId);
    if (!appended.isEmpty()) {
      return appended.get(appended.size() - 1);
    }
    return jdbc.queryForObject(
        """
        SELECT global_index, event_identifier, payload_type FROM domain_event_entry
        WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""",
        (rs, row) -> new RecordedPosition(rs.getLong(1), rs.getString(2), rs.getString(3)),
        caseId);
  }
}
