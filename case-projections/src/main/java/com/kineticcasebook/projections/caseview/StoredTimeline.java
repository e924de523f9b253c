package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.caseload.TimelineEntry;
import com.kineticcasebook.patientcase.CaseEvent;
import com.kineticcasebook.patientcase.InjuryReported;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case's timeline as the read side keeps it: each event with its own payload, and every injury
 * the case ever reported (live or marked in error) to name the injuries the events refer to. The
 * lines people read are worded only when the timeline is read, so a change of wording shows at
 * once, with no rebuild.
 *
 * @param injuries every injury report of the case, in sequence order
 * @param entries every event of the case, in clinical order
 */
record StoredTimeline(List<InjuryReported> injuries, List<Entry> entries) {

  /** One event of the timeline, with the facts the fold worked out for it. */
  record Entry(String eventId, long sequenceNumber, String type, LocalDate occurredOn, Instant recordedAt,
      String recordedBy, CaseEvent event, boolean enteredInError, String errorReason) {}

  StoredTimeline {
    injuries = List.copyOf(injuries);
    entries = List.copyOf(entries);
  }

  /** The timeline as the API and the pages show it: one worded line per event. */
  List<TimelineEntry> worded() {
    Map<UUID, InjuryReported> byId = new LinkedHashMap<>();
    injuries.forEach(injury -> byId.put(injury.injuryId().value(), injury));
    return entries.stream().map(e -> new TimelineEntry(e.eventId(), e.sequenceNumber(), e.type(), e.occurredOn(),
        e.recordedAt(), e.recordedBy(), Summaries.of(e.event(), byId), e.enteredInError(), e.errorReason())).toList();
  }
}
