package com.kineticcasebook.audit;

import com.kineticcasebook.eventstore.CaseIntegrity;
import com.kineticcasebook.eventstore.Checkpoint;
import com.kineticcasebook.eventstore.Checkpoints;
import com.kineticcasebook.eventstore.StoreIntegrity;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event store's signed checkpoints for auditors: the list with the public key that verifies
 * them, a checkpoint made on request, and the verification of the whole store against its chains
 * and the latest checkpoint.
 */
@RestController
class CheckpointController {

  /** The checkpoints, newest first, and the key that verifies their files. */
  record CheckpointList(String algorithm, String publicKey, String publicKeyPem, List<Checkpoint.CheckpointSummary> checkpoints) {}

  private final Checkpoints checkpoints;
  private final CaseIntegrity integrity;

  CheckpointController(Checkpoints checkpoints, CaseIntegrity integrity) {
    this.checkpoints = checkpoints;
    this.integrity = integrity;
  }

  @GetMapping("/api/v1/audit/checkpoints")
  CheckpointList checkpoints() {
    return new CheckpointList("Ed25519", checkpoints.publicKey(), checkpoints.publicKeyPem(), checkpoints.list());
  }

  @PostMapping("/api/v1/audit/checkpoints")
  @ResponseStatus(HttpStatus.CREATED)
  Checkpoint.CheckpointSummary createCheckpoint() {
    try {
      return checkpoints.create();
    } catch (Checkpoints.Refused e) {
      throw new ApiException(Problems.of(HttpStatus.CONFLICT, "checkpoint-refused", "No checkpoint was made",
          "The event store no longer agrees with the latest checkpoint, or its file is refused: "
              + "GET /api/v1/audit/verification says where."));
    }
  }

  @GetMapping("/api/v1/audit/verification")
  StoreIntegrity.StoreVerification storeVerification() {
    return integrity.verifyStore();
  }
}
