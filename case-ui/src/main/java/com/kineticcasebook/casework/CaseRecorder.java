package com.kineticcasebook.casework;

import com.kineticcasebook.eventstore.CaseCommandSender;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.operations.ReadConsistency;
import com.kineticcasebook.patientcase.CaseRuleViolation;
import com.kineticcasebook.patientcase.InvalidCommandException;
import com.kineticcasebook.projections.ProcessingGroups;
import org.springframework.stereotype.Component;

/**
 * Sends a quick form's command and, once it is recorded, waits until the case page's read model
 * has it: the clinician is redirected to the page and must see their own entry there.
 */
@Component
class CaseRecorder {

  private final CaseCommandSender sender;
  private final ReadConsistency consistency;

  CaseRecorder(CaseCommandSender sender, ReadConsistency consistency) {
    this.sender = sender;
    this.consistency = consistency;
  }

  /**
   * Returns where the command's event landed, or null when the input or the case refused it; the
   * reasons are then in {@code input}.
   */
  RecordedPosition record(String caseId, FormInput input, Object command) {
    if (command == null) {
      return null;
    }
    RecordedPosition position;
    try {
      position = sender.send(caseId, command);
    } catch (InvalidCommandException invalid) {
      input.add(invalid);
      return null;
    } catch (CaseRuleViolation refused) {
      input.refuse(refused.getMessage());
      return null;
    }
    consistency.awaitPosition(position.globalIndex(), ProcessingGroups.CASE_VIEWS);
    return position;
  }
}
