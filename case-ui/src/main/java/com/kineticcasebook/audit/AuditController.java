package com.kineticcasebook.audit;

import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.eventstore.CaseIntegrity;
import com.kineticcasebook.eventstore.StoreIntegrity;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only replay for auditors, straight from the event store: every event of a case as it was
 * stored with its hash-chain link, its verification against the chain and the latest signed
 * checkpoint, and the case as it stood at an instant, folded from the events recorded up to then.
 */
@RestController
@RequestMapping("/api/v1/audit/cases/{caseId}")
class AuditController {

  private final CaseHistory history;
  private final CaseIntegrity integrity;

  AuditController(CaseHistory history, CaseIntegrity integrity) {
    this.history = history;
    this.integrity = integrity;
  }

  @GetMapping("/events")
  Map<String, List<CaseHistory.RecordedEvent>> events(@PathVariable UUID caseId) {
    List<CaseHistory.RecordedEvent> events = history.events(caseId);
    if (events.isEmpty()) {
      throw new ApiException(Problems.notFound("case"));
    }
    return Map.of("events", events);
  }

  /** 200 also for a case whose events are all gone but which the latest checkpoint knows: that is not intact. */
  @GetMapping("/verification")
  StoreIntegrity.Verification verification(@PathVariable UUID caseId) {
    return integrity.verify(caseId.toString()).orElseThrow(() -> new ApiException(Problems.notFound("case")));
  }

  @GetMapping("/state")
  CaseView state(@PathVariable UUID caseId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
    return history.stateAsOf(caseId, asOf).orElseThrow(() -> new ApiException(Problems.notFound("case at that instant")));
  }
}
