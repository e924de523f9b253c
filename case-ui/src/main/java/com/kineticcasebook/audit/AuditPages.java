package com.kineticcasebook.audit;

import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.patientcase.CanonicalUuid;
import com.kineticcasebook.reference.Wording;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * How the auditor's pages show recorded events and instants: times in UTC to the second (with the
 * exact instant kept for links), payloads as labelled fields, people by username.
 */
final class AuditPages {

  static final String GENESIS_HASH = "0".repeat(64);
  static final String NOT_A_CASE_ID = "Enter a case id in the form 8-4-4-4-12 hexadecimal digits, as shown on the case.";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss.SSS 'UTC'", Locale.UK)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private AuditPages() {}

  /** One event row of the history page. */
  record EventRow(String eventId, long sequenceNumber, long globalIndex, String recordedAt, String recordedAtInstant,
      String type, String who, String roles, String correlationId, List<Field> fields, String hash,
      String previousHash, boolean firstBroken) {

    public String hashShown() {
      return hash == null ? "missing" : hash.substring(0, 12) + "…";
    }

    public String previousHashShown() {
      if (previousHash == null) {
        return "missing";
      }
      return previousHash.equals(GENESIS_HASH) ? "start of chain" : previousHash.substring(0, 12) + "…";
    }
  }

  /** One labelled value of an event's payload. */
  record Field(String label, String value) {}

  /** A recently changed case, its clinic named. */
  record RecentRow(UUID caseId, String clinic, String patientRef, String lastRecorded, String lastRecordedInstant) {}

  static List<RecentRow> recent(List<CaseHistory.RecentCase> cases, Map<UUID, String> clinicNames) {
    return cases.stream().map(c -> new RecentRow(c.caseId(), clinicNames.getOrDefault(c.clinicId(), "Unknown clinic"),
        c.patientRef(), shown(c.lastRecordedAt()), c.lastRecordedAt().toString())).toList();
  }

  /** The case as it stood at an instant, in words. */
  record AsOfState(String status, String openedOn, String closedOn, List<InjuryLine> injuries, String primary,
      List<String> secondaries, String rationale, List<TreatmentLine> treatments, List<MeasureLine> measures) {}

  record InjuryLine(String injuryId, String name, String role, String status, String onsetOn, String resolvedOn,
      int painScore) {}

  record TreatmentLine(String modality, String target, String startedOn) {}

  record MeasureLine(String instrument, String injury, String score, String measuredOn) {}

  static AsOfState asOf(CaseView view) {
    Map<UUID, String> names = new HashMap<>();
    view.injuries().forEach(i -> names.put(i.injuryId(), injury(i)));
    Optional<CaseView.Hypothesis> current = view.hypotheses().stream().filter(CaseView.Hypothesis::current).findFirst();
    return new AsOfState(label(view.status().name()), String.valueOf(view.openedOn()),
        view.closedOn() == null ? null : view.closedOn().toString(),
        view.injuries().stream().map(i -> new InjuryLine(i.injuryId().toString(), injury(i), label(i.role().name()),
            label(i.status().name()), String.valueOf(i.onsetOn()),
            i.resolvedOn() == null ? "—" : i.resolvedOn().toString(), i.painScore())).toList(),
        current.map(h -> names.getOrDefault(h.primaryInjuryId(), h.primaryInjuryId().toString())).orElse(null),
        current.map(h -> h.secondaryInjuryIds().stream().map(id -> names.getOrDefault(id, id.toString())).toList())
            .orElse(List.of()),
        current.map(CaseView.Hypothesis::rationale).orElse(null),
        view.treatments().stream().map(t -> new TreatmentLine(t.modality().label(),
            names.getOrDefault(t.targetInjuryId(), t.targetInjuryId().toString()), t.startedOn().toString())).toList(),
        view.outcomeMeasures().stream().map(m -> new MeasureLine(m.instrument().name(),
            names.getOrDefault(m.injuryId(), m.injuryId().toString()), scalarNumber(m.score()),
            m.measuredOn().toString())).toList());
  }

  private static String scalarNumber(double score) {
    return score == Math.rint(score) ? String.valueOf((long) score) : String.valueOf(score);
  }

  static List<EventRow> rows(List<CaseHistory.RecordedEvent> events, Map<UUID, String> usernames,
      String firstBrokenEventId) {
    return events.stream().map(e -> new EventRow(e.eventId(), e.sequenceNumber(), e.globalIndex(),
        shown(e.recordedAt()), e.recordedAt().toString(), label(e.type()), who(e.userId(), usernames),
        e.roles() == null ? "—" : String.join(", ", StreamSupport.stream(e.roles().spliterator(), false)
            .map(role -> label(role.asString())).toList()),
        e.correlationId() == null ? "—" : e.correlationId(), fields(e.payload()), e.hash(), e.previousHash(),
        e.eventId().equals(firstBrokenEventId))).toList();
  }

  /** A user or case id typed or recorded as text; empty when it is not one. */
  static Optional<UUID> uuid(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(CanonicalUuid.parse(text));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }

  static String shown(Instant instant) {
    return SHOWN.format(instant);
  }

  /** The value a {@code datetime-local} input shows for an instant, in UTC to the millisecond. */
  static String inputValue(Instant instant) {
    return INPUT.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
  }

  /**
   * An instant as the as-of control sends it: an exact instant from an event's link, or the
   * {@code datetime-local} input's value read as UTC.
   */
  static Optional<Instant> parseInstant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException notAnInstant) {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notALocalTime) {
        return Optional.empty();
      }
    }
  }

  static String label(String constant) {
    return Wording.constant(constant);
  }

  static String injury(CaseView.Injury injury) {
    return Wording.injury(injury.bodyRegion(), injury.side(), injury.conditionCode());
  }


  private static String who(String userId, Map<UUID, String> usernames) {
    if (userId == null) {
      return "System";
    }
    return uuid(userId).map(id -> usernames.getOrDefault(id, userId)).orElse(userId);
  }

  /** Top-level fields in recorded order, nested objects flattened as "Findings · cadence spm". */
  private static List<Field> fields(JsonNode payload) {
    List<Field> fields = new ArrayList<>();
    flatten("", payload, fields);
    return fields;
  }

  private static void flatten(String prefix, JsonNode node, List<Field> fields) {
    for (var entry : node.properties()) {
      if (prefix.isEmpty() && entry.getKey().equals("caseId")) {
        continue;
      }
      String words = words(entry.getKey());
      String label = prefix.isEmpty() ? words : prefix + words.toLowerCase(Locale.ROOT);
      JsonNode value = entry.getValue();
      if (value.isObject()) {
        flatten(label + " · ", value, fields);
      } else if (value.isArray()) {
        fields.add(new Field(label, value.isEmpty() ? "none" : String.join(", ",
            StreamSupport.stream(value.spliterator(), false).map(AuditPages::scalar).toList())));
      } else {
        fields.add(new Field(label, scalar(value)));
      }
    }
  }

  private static String scalar(JsonNode value) {
    return value.isNull() ? "—" : value.isValueNode() ? value.asString() : value.toString();
  }

  private static String words(String camelCase) {
    String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
