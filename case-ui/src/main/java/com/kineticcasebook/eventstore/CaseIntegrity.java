package com.kineticcasebook.eventstore;

import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the stored events against their hash chains and the latest signed checkpoint: one case,
 * or the whole store. The checkpoint is read from its file and checked with the public key, never
 * taken from the database.
 */
@Service
public class CaseIntegrity {

  private final JdbcTemplate jdbc;
  private final Checkpoints checkpoints;

  CaseIntegrity(JdbcTemplate jdbc, Checkpoints checkpoints) {
    this.jdbc = jdbc;
    this.checkpoints = checkpoints;
  }

  /** Empty when neither the store nor the latest checkpoint knows the case. */
  @Transactional(readOnly = true)
  public Optional<StoreIntegrity.Verification> verify(String caseId) {
    StoreIntegrity.Evidence evidence = checkpoints.evidence();
    return jdbc.execute((ConnectionCallback<Optional<StoreIntegrity.Verification>>)
        connection -> StoreIntegrity.verifyCase(connection, caseId, evidence));
  }

  @Transactional(readOnly = true)
  public StoreIntegrity.StoreVerification verifyStore() {
    StoreIntegrity.Evidence evidence = checkpoints.evidence();
    return jdbc.execute((ConnectionCallback<StoreIntegrity.StoreVerification>)
        connection -> StoreIntegrity.verifyStore(connection, evidence));
  }
}
