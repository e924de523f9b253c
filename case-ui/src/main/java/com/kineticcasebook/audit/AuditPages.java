package com.kineticcasebook.audit;

import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.patientcase.CanonicalUuid;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import com.kineticcasebook.reference.Wording;
import java.time.Instant;
import java.time.LocalDate;
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
  /** The longest patient reference a case can have been opened with. */
  static final int PATIENT_REF_MAX = 64;
  static final String NOT_A_CASE_ID = "Enter a case id in the form 8-4-4-4-12 hexadecimal digits, as shown on the case.";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss.SSS 'UTC'", Locale.UK)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private AuditPages() {}

  /** One event row of the history page. */
  record EventRow(String eventId, long sequenceNumber, long globalIndex, String recordedAt, String recordedAtInstant,
      String type, String who, String roles, String correlationId, List<Field> fields, String recorded, String hash,
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
    return rows(events, usernames, Map.of(), firstBrokenEventId);
  }

  /**
   * The history's rows, each event's details in words: injuries, gait filmings, treatments and
   * events by what the history itself recorded of them, people by username, clinics by name,
   * catalogue codes by their labels. The stored payload stays beside them as recorded.
   */
  static List<EventRow> rows(List<CaseHistory.RecordedEvent> events, Map<UUID, String> usernames,
      Map<UUID, String> clinicNames, String firstBrokenEventId) {
    Names names = Names.of(events, usernames, clinicNames);
    return events.stream().map(e -> new EventRow(e.eventId(), e.sequenceNumber(), e.globalIndex(),
        shown(e.recordedAt()), e.recordedAt().toString(), label(e.type()), who(e.userId(), usernames),
        e.roles() == null ? "—" : String.join(", ", StreamSupport.stream(e.roles().spliterator(), false)
            .map(role -> label(role.asString())).toList()),
        e.correlationId() == null ? "—" : e.correlationId(), fields(e.payload(), names), e.recordedPayload(),
        e.hash(), e.previousHash(), e.eventId().equals(firstBrokenEventId))).toList();
  }

  /** What a case's history calls the things its events refer to by id or code. */
  record Names(Map<String, String> injuries, Map<String, String> recordings, Map<String, String> treatments,
      Map<String, String> events, Map<UUID, String> users, Map<UUID, String> clinics) {

    static Names of(List<CaseHistory.RecordedEvent> history, Map<UUID, String> users, Map<UUID, String> clinics) {
      Map<String, String> injuries = new HashMap<>();
      Map<String, String> recordings = new HashMap<>();
      Map<String, String> treatments = new HashMap<>();
      Map<String, String> events = new HashMap<>();
      for (CaseHistory.RecordedEvent e : history) {
        JsonNode p = e.payload();
        events.put(e.eventId(), label(e.type()) + " (seq. " + e.sequenceNumber() + ")");
        switch (e.type()) {
          case "INJURY_REPORTED" -> named(p, "injuryId", () -> Wording.injury(BodyRegion.valueOf(text(p, "bodyRegion")),
              Side.valueOf(text(p, "side")), text(p, "conditionCode")), injuries);
          case "GAIT_FILMED" -> named(p, "recordingId", () -> "Gait filming of " + text(p, "filmedOn") + " ("
              + GaitView.valueOf(text(p, "view")).label().toLowerCase(Locale.ROOT) + ")", recordings);
          case "TREATMENT_STARTED" -> named(p, "treatmentId", () -> TreatmentModality.valueOf(text(p, "modality")).label()
              + " of " + injuries.getOrDefault(text(p, "targetInjuryId"), text(p, "targetInjuryId")), treatments);
          default -> { }
        }
      }
      return new Names(injuries, recordings, treatments, events, users, clinics);
    }

    private static void named(JsonNode payload, String idField, java.util.function.Supplier<String> name,
        Map<String, String> into) {
      String id = text(payload, idField);
      if (id == null) {
        return;
      }
      try {
        into.put(id, name.get());
      } catch (RuntimeException unknownValue) {
        // A value outside today's catalogue keeps the id: the recorded payload is shown beside it.
      }
    }

    private static String text(JsonNode node, String field) {
      JsonNode value = node == null ? null : node.get(field);
      return value == null || value.isNull() ? null : value.asString();
    }

    /** A recorded value in words, by the field it is in; the value itself when nothing names it. */
    String name(String field, JsonNode value) {
      if (value.isNull()) {
        return "conditionCode".equals(field) ? Wording.condition(null) : "—";
      }
      if (!value.isValueNode()) {
        return value.toString();
      }
      String raw = value.asString();
      try {
        return switch (field) {
          case "injuryId", "primaryInjuryId", "targetInjuryId", "secondaryInjuryIds" -> injuries.getOrDefault(raw, raw);
          case "recordingId", "evidenceRecordingIds" -> recordings.getOrDefault(raw, raw);
          case "treatmentId" -> treatments.getOrDefault(raw, raw);
          case "eventId" -> events.getOrDefault(raw, raw);
          case "clinicId" -> uuid(raw).map(id -> clinics.getOrDefault(id, raw)).orElse(raw);
          case "assignedClinicianId", "userId", "clinicianId" -> uuid(raw).map(id -> users.getOrDefault(id, raw)).orElse(raw);
          case "conditionCode" -> Wording.condition(raw);
          case "modality" -> TreatmentModality.valueOf(raw).label();
          case "instrument" -> OutcomeInstrument.valueOf(raw).label();
          case "bodyRegion" -> BodyRegion.valueOf(raw).label();
          case "side", "hipHikeSide" -> Side.valueOf(raw).label();
          case "view" -> GaitView.valueOf(raw).label();
          case "surface" -> RunningSurface.valueOf(raw).label();
          case "markedEventType" -> label(raw);
          default -> raw;
        };
      } catch (IllegalArgumentException notInTheCatalogue) {
        return raw;
      }
    }
  }

  /**
   * A log page's filter, as the auditor typed it: a user by username or id, and a first and last
   * day. Each problem goes into {@code errors} under its field; a part with a problem is left out.
   */
  record LogFilter(UUID userId, Instant start, Instant end) {

    static LogFilter read(String user, String from, String to, UserDirectory users, Map<String, String> errors) {
      UUID userId = null;
      if (user != null && !user.isBlank()) {
        String typed = user.strip();
        Optional<UUID> found = uuid(typed).or(() -> users.findByUsername(typed).map(u -> u.id()));
        if (found.isEmpty()) {
          errors.put("user", "No user has this username; enter a username or a user id.");
        } else {
          userId = found.get();
        }
      }
      Optional<LocalDate> fromDay = day(from, "from", errors);
      Optional<LocalDate> toDay = day(to, "to", errors);
      if (fromDay.isPresent() && toDay.isPresent() && toDay.get().isBefore(fromDay.get())) {
        errors.put("to", "Choose a day on or after the first day.");
      }
      return new LogFilter(userId, fromDay.map(AuditPages::startOf).orElse(null),
          toDay.map(AuditPages::endOf).orElse(null));
    }

    boolean any() {
      return userId != null || start != null || end != null;
    }
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

  /** A day typed into a filter, year-month-day; an error on the field when it is not one. */
  static Optional<LocalDate> day(String text, String field, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException notADay) {
      errors.put(field, "Enter a day as year-month-day, for example 2026-03-14.");
      return Optional.empty();
    }
  }

  /** The first instant of a day in UTC. */
  static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The last instant of a day in UTC that the logs can hold (they keep microseconds). */
  static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS);
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

  /** Fields whose recorded id or code the page replaces by a name, and so labels by what it names. */
  private static final java.util.Set<String> NAMED_FIELDS = java.util.Set.of("injuryId", "primaryInjuryId",
      "targetInjuryId", "secondaryInjuryIds", "recordingId", "evidenceRecordingIds", "treatmentId", "eventId", "clinicId",
      "assignedClinicianId", "userId", "clinicianId", "conditionCode");

  /** "primaryInjuryId" as "primaryInjury", "secondaryInjuryIds" as "secondaryInjuries", "conditionCode" as "condition". */
  private static String named(String field) {
    if (field.equals("eventId")) {
      return "entry";
    }
    return field.replaceFirst("yIds$", "ies").replaceFirst("Ids$", "s").replaceFirst("(Id|Code)$", "");
  }

  /** Top-level fields in recorded order, nested objects flattened as "Findings · cadence spm". */
  private static List<Field> fields(JsonNode payload, Names names) {
    List<Field> fields = new ArrayList<>();
    flatten("", payload, names, fields);
    return fields;
  }

  private static void flatten(String prefix, JsonNode node, Names names, List<Field> fields) {
    for (var entry : node.properties()) {
      if (prefix.isEmpty() && entry.getKey().equals("caseId")) {
        continue;
      }
      String words = words(NAMED_FIELDS.contains(entry.getKey()) ? named(entry.getKey()) : entry.getKey());
      String label = prefix.isEmpty() ? words : prefix + words.toLowerCase(Locale.ROOT);
      JsonNode value = entry.getValue();
      String field = entry.getKey();
      if (value.isObject()) {
        flatten(label + " · ", value, names, fields);
      } else if (value.isArray()) {
        fields.add(new Field(label, value.isEmpty() ? "none" : String.join(value.size() > 1 ? "; " : "",
            StreamSupport.stream(value.spliterator(), false).map(element -> names.name(field, element)).toList())));
      } else {
        fields.add(new Field(label, names.name(field, value)));
      }
    }
  }

  private static String words(String camelCase) {
    String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
