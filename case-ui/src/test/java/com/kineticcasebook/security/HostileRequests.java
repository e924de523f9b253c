package com.kineticcasebook.security;

import com.kineticcasebook.security.Json.Obj;
import com.kineticcasebook.security.Json.Raw;
import com.kineticcasebook.security.RawHttp.Framing;
import com.kineticcasebook.security.RawHttp.Request;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Generates requests to every write endpoint that the API must refuse: each one is invalid for
 * sure (a guaranteed-invalid "poison" on at least one field, an invalid body as a whole, a wrong
 * content type or path, a missing right), and may carry any amount of further hostile noise.
 * Everything is drawn from one seeded {@link java.util.Random}, so a seed reproduces a run.
 */
final class HostileRequests {

  static final int MAX_JSON_BODY = 65_536;

  /** The ids the requests aim at: one case of clinic North (the caller's) and one of South. */
  record Fixture(
      String north, String south, String caseId, String injuryId, String secondInjuryId, String recordingId,
      String openedEventId, String secondInjuryEventId, String southCaseId, String southInjuryId,
      String southRecordingId, String northToken, String southToken, String ownerToken, LocalDate today) {}

  /**
   * One request and the statuses the contract allows for it (all 4xx). Without
   * {@code problemRequired} the answer need not be problem+json: only for the two categories
   * rejected before the application sees them (see HostileInputIT).
   */
  record Hostile(String category, String endpoint, Request request, Set<Integer> expected, boolean problemRequired) {}

  /** A guaranteed-invalid value for a field, with extra statuses it may legitimately cause. */
  record Poison(String category, Object value, Set<Integer> alsoAllowed) {
    Poison(String category, Object value) {
      this(category, value, Set.of());
    }
  }

  /** A body field: its valid value, its poisons, and whether it is free text (where noise may go). */
  record Field(String name, Supplier<Object> valid, List<Function<java.util.Random, Poison>> poisons, boolean freeText) {}

  /** A JSON write endpoint. */
  record Endpoint(String name, Function<Fixture, String> northPath, Function<Fixture, String> southPath,
      List<Field> fields, Set<Integer> alsoAllowed) {}

  static final List<String> INJECTIONS = List.of(
      "' OR 1=1 --", "' OR '1'='1", "'; DROP TABLE domain_event_entry; --", "1; SELECT pg_sleep(10)--",
      "\" OR \"\"=\"", "admin'--", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
      "javascript:alert(1)", "${jndi:ldap://127.0.0.1:1389/a}", "${env:CASEBOOK_DB_PASSWORD}", "#{7*7}",
      "{{7*7}}", "*{7*7}", "%00", "\u0000", "a\u0000b", "%0d%0aSet-Cookie:%20x=1", "\r\nX-Injected: 1",
      "\u202Eevil\u202C", "\u200B\u200D", "\uFEFF", "\uD800", "\uDFFF\uD800", "\uD83D\uDE00",
      "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "file:///etc/passwd", "$(id)", "`id`",
      "| cat /etc/passwd", "{\"$gt\":\"\"}", "%s%s%s%n", "\\", "\"", "null", "NaN", "true", "-1", "0x41",
      "\u0130\u0131\u00DF", "\uFFFF\uFFFE", "\u0007\u0008\u001B[31m");

  /** Keys no request body has: ids and metadata a client must never be able to set (mass assignment). */
  static final List<String> FOREIGN_KEYS = List.of(
      "caseId", "eventId", "injuryId", "treatmentId", "recordingId", "clinicId", "userId", "recordedBy",
      "recordedAt", "globalIndex", "sequenceNumber", "aggregateIdentifier", "status", "role", "roles", "id",
      "@class", "@type", "__proto__", "constructor", "$where", "", " ", "patientName", "payload", "metaData");

  private static final Pattern PATIENT_REF = Pattern.compile("(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final byte[] MP4_HEAD = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
  private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

  private final java.util.Random random;
  private final Fixture f;
  private final List<Hostile> out = new ArrayList<>();

  HostileRequests(long seed, Fixture fixture) {
    this.random = new java.util.Random(seed);
    this.f = fixture;
  }

  /** Every hostile request of a run: {@code combosPerEndpoint} random multi-poison bodies per endpoint, and the rest. */
  List<Hostile> generate(int combosPerEndpoint) {
    for (Endpoint endpoint : endpoints()) {
      eachPoisonAlone(endpoint);
      for (int i = 0; i < combosPerEndpoint; i++) {
        combo(endpoint);
      }
      structural(endpoint);
      contentTypes(endpoint);
      oversized(endpoint);
      paths(endpoint);
      methodsAndRights(endpoint);
    }
    video();
    login();
    return List.copyOf(out);
  }

  /** Bodies over the limit sent with chunked framing, where no Content-Length announces their size. */
  List<Hostile> chunkedOversized() {
    for (Endpoint endpoint : endpoints()) {
      for (int size : new int[] {MAX_JSON_BODY + 1, 100_000, 1_000_000}) {
        Obj body = valid(endpoint);
        Field field = endpoint.fields().get(0);
        body.put(field.name(), poison(field).value());
        byte[] bytes = padTo(Json.write(body, true).getBytes(StandardCharsets.UTF_8), size);
        out.add(new Hostile("oversized-chunked", endpoint.name(), request("POST", endpoint.northPath().apply(f),
            jsonHeaders(f.northToken()), bytes, Framing.CHUNKED), Set.of(413), true));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Bodies whose only fault is a duplicated key: the first value is invalid, the last one valid.
   * A parser that keeps the last value accepts them; the contract counts them as malformed JSON.
   */
  List<Hostile> duplicatedKeysOnly() {
    Set<String> parsable = Set.of("null", "future-date", "foreign-id", "out-of-range");
    for (Endpoint endpoint : endpoints()) {
      if (endpoint.name().equals("reopening")) {
        continue; // refused with 409 on an open case whatever the body, so it proves nothing here
      }
      for (Field field : endpoint.fields()) {
        // a first value that parses (so only the duplicate decides), is invalid, and is invalid with 400
        for (int attempt = 0; attempt < 50; attempt++) {
          Poison poison = poison(field);
          if (parsable.contains(poison.category()) && poison.value() != Json.MISSING && poison.alsoAllowed().isEmpty()
              && !(poison.value() instanceof Raw)) {
            Obj body = valid(endpoint);
            body.addBefore(field.name(), poison.value());
            out.add(new Hostile("duplicate-key", endpoint.name(), request("POST", endpoint.northPath().apply(f),
                jsonHeaders(f.northToken()), utf8(Json.write(body, true)), Framing.LENGTH), Set.of(400), true));
            break;
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Valid bodies but for one value of the wrong JSON type that a lenient parser converts into a
   * valid one: a number or boolean for a text, a numeric string for a number, a day count, an
   * array or a date-time for a date, a string for a boolean. The contract's types are JSON types.
   */
  List<Hostile> coercibleWrongTypes() {
    LocalDate yesterday = f.today().minusDays(1);
    List<Object> dates = List.of(yesterday.toEpochDay(),
        List.of(yesterday.getYear(), yesterday.getMonthValue(), yesterday.getDayOfMonth()),
        yesterday + "T12:00:00Z", yesterday + "T12:00:00");
    for (Endpoint endpoint : endpoints()) {
      if (endpoint.name().equals("reopening")) {
        continue;
      }
      for (Field field : endpoint.fields()) {
        Object valid = field.valid().get();
        List<Object> wrong = new ArrayList<>();
        if (field.freeText() || field.name().equals("patientRef")) {
          wrong.addAll(List.of(12345, true));
        } else if (field.name().endsWith("On")) {
          wrong.addAll(dates);
        } else if (valid instanceof Integer number) {
          wrong.add(number.toString());
        } else if (valid instanceof Obj findings) {
          for (String key : List.of("antalgic", "cadenceSpm", "stanceAsymmetryPct")) {
            Object inner = findings.get(key);
            addCoerced(endpoint, valid(endpoint).put("findings", validFindings().put(key, inner.toString())));
          }
        }
        for (Object value : wrong) {
          addCoerced(endpoint, valid(endpoint).put(field.name(), value));
        }
      }
    }
    return List.copyOf(out);
  }

  private void addCoerced(Endpoint endpoint, Obj body) {
    out.add(new Hostile("coerced-type", endpoint.name(), request("POST", endpoint.northPath().apply(f),
        jsonHeaders(f.northToken()), utf8(Json.write(body, true)), Framing.LENGTH), Set.of(400), true));
  }

  // ---------------------------------------------------------------- the endpoints and their fields

  List<Endpoint> endpoints() {
    String today = f.today().toString();
    String yesterday = f.today().minusDays(1).toString();
    Set<Integer> none = Set.of();
    return List.of(
        new Endpoint("open-case", x -> "/api/v1/cases", x -> "/api/v1/cases", List.of(
            new Field("clinicId", () -> f.north(), uuidPoisons(f.north(), true, List.of(f.south(), f.caseId())), false),
            new Field("patientRef", () -> "N-" + (10000 + random.nextInt(90000)), patientRefPoisons(), false),
            new Field("openedOn", () -> today, datePoisons(true), false)), none),
        new Endpoint("injuries", x -> casePath(x.caseId(), "/injuries"), x -> casePath(x.southCaseId(), "/injuries"),
            List.of(
                new Field("bodyRegion", () -> "KNEE", enumPoisons("KNEE", true), false),
                new Field("side", () -> "LEFT", enumPoisons("LEFT", true), false),
                new Field("conditionCode", () -> "PATELLOFEMORAL_PAIN", conditionPoisons(), false),
                new Field("description", () -> "Pain when running downhill", textPoisons(2000, true), true),
                new Field("onsetOn", () -> f.today().minusDays(20).toString(), datePoisons(true), false),
                new Field("painScore", () -> 5, intPoisons(0, 10, true), false)), none),
        new Endpoint("gait-recordings", x -> casePath(x.caseId(), "/gait-recordings"),
            x -> casePath(x.southCaseId(), "/gait-recordings"), List.of(
                new Field("filmedOn", () -> yesterday, datePoisons(true), false),
                new Field("view", () -> "POSTERIOR", enumPoisons("POSTERIOR", true), false),
                new Field("surface", () -> "TREADMILL", enumPoisons("TREADMILL", true), false),
                new Field("findings", this::validFindings, findingsPoisons(), false)), none),
        new Endpoint("hypotheses", x -> casePath(x.caseId(), "/hypotheses"), x -> casePath(x.southCaseId(), "/hypotheses"),
            List.of(
                new Field("primaryInjuryId", () -> f.injuryId(),
                    uuidPoisons(f.injuryId(), false, List.of(f.southInjuryId(), f.recordingId(), f.caseId())), false),
                new Field("secondaryInjuryIds", () -> List.of(f.secondInjuryId()), secondaryPoisons(), false),
                new Field("rationale", () -> "Guarding the calf overloads the knee", textPoisons(4000, true), true),
                new Field("evidenceRecordingIds", () -> List.of(f.recordingId()), evidencePoisons(), false)), none),
        new Endpoint("treatments", x -> casePath(x.caseId(), "/treatments"), x -> casePath(x.southCaseId(), "/treatments"),
            List.of(
                new Field("targetInjuryId", () -> f.injuryId(),
                    uuidPoisons(f.injuryId(), false, List.of(f.southInjuryId(), f.recordingId(), f.caseId())), false),
                new Field("modality", () -> "LOADING_PROGRAMME", enumPoisons("LOADING_PROGRAMME", true), false),
                new Field("plan", () -> "Progressive calf raises", textPoisons(4000, true), true),
                new Field("startedOn", () -> yesterday, datePoisons(true), false)), none),
        new Endpoint("outcome-measures", x -> casePath(x.caseId(), "/outcome-measures"),
            x -> casePath(x.southCaseId(), "/outcome-measures"), List.of(
                new Field("injuryId", () -> f.injuryId(),
                    uuidPoisons(f.injuryId(), false, List.of(f.southInjuryId(), f.recordingId(), f.caseId())), false),
                new Field("instrument", () -> "NPRS", enumPoisons("NPRS", true), false),
                new Field("score", () -> 3, scorePoisons(), false),
                new Field("measuredOn", () -> yesterday, datePoisons(true), false)), none),
        new Endpoint("resolution", x -> casePath(x.caseId(), "/injuries/" + x.injuryId() + "/resolution"),
            x -> casePath(x.southCaseId(), "/injuries/" + x.southInjuryId() + "/resolution"), List.of(
                new Field("resolvedOn", () -> yesterday, datePoisons(true), false),
                new Field("note", () -> "Pain-free running", optionalTextPoisons(2000), true)), none),
        new Endpoint("errors", x -> casePath(x.caseId(), "/errors"), x -> casePath(x.southCaseId(), "/errors"), List.of(
            new Field("eventId", () -> f.secondInjuryEventId(), eventIdPoisons(), false),
            new Field("reason", () -> "Recorded on the wrong patient", textPoisons(1000, true), true)), none),
        // The case has open injuries, so a closure without their confirmation is refused with 409 once its body
        // passes validation.
        new Endpoint("closure", x -> casePath(x.caseId(), "/closure"), x -> casePath(x.southCaseId(), "/closure"), List.of(
            new Field("closedOn", () -> yesterday, datePoisons(true), false),
            new Field("reason", () -> "Discharged", textPoisons(1000, true), true)), Set.of(409)),
        // The case is open, so a reopening is refused with 409 once its body passes validation.
        new Endpoint("reopening", x -> casePath(x.caseId(), "/reopening"), x -> casePath(x.southCaseId(), "/reopening"),
            List.of(
                new Field("reopenedOn", () -> yesterday, datePoisons(true), false),
                new Field("reason", () -> "Pain returned", textPoisons(1000, true), true)), Set.of(409)));
  }

  private Obj validFindings() {
    return new Obj().put("antalgic", true).put("stanceAsymmetryPct", 8.5).put("pushOffDelayMs", 40)
        .put("hipHikeSide", "RIGHT").put("trunkLeanCm", 2.0).put("cadenceSpm", 164);
  }

  private List<Field> findingsFields() {
    return List.of(
        new Field("antalgic", () -> true, booleanPoisons(), false),
        new Field("stanceAsymmetryPct", () -> 8.5, doublePoisons(0, 100), false),
        new Field("pushOffDelayMs", () -> 40, intPoisons(0, 2000, false), false),
        new Field("hipHikeSide", () -> "RIGHT", hipHikePoisons(), false),
        new Field("trunkLeanCm", () -> 2.0, doublePoisons(0, 50), false),
        new Field("cadenceSpm", () -> 164, intPoisons(60, 260, false), false));
  }

  Obj valid(Endpoint endpoint) {
    Obj body = new Obj();
    endpoint.fields().forEach(field -> body.put(field.name(), field.valid().get()));
    return body;
  }

  // ---------------------------------------------------------------- poisons by kind of field

  private List<Function<java.util.Random, Poison>> required() {
    return List.of(r -> new Poison("missing-required", Json.MISSING), r -> new Poison("null", null));
  }

  private List<Function<java.util.Random, Poison>> uuidPoisons(String valid, boolean clinic, List<String> foreign) {
    Set<Integer> refused = clinic ? Set.of(403) : Set.of();
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required());
    poisons.addAll(List.of(
        r -> new Poison("bad-id", pick(r, List.of("not-a-uuid", "", "   ", "00000000-0000-0000-0000-00000000000G",
            valid + "0", valid.substring(1), valid.replace("-", ""), "{" + valid + "}", "\u202E" + valid,
            "\u00A0" + valid))),
        // 24 characters are read as Base64 of 16 bytes: some UUID, but none of this case
        r -> new Poison("foreign-id", "AAAAAAAAAAAAAAAAAAAAAA==", refused),
        r -> new Poison("foreign-id", UUID.randomUUID().toString(), refused),
        r -> new Poison("foreign-id", pick(r, foreign), refused),
        r -> new Poison("injection", pick(r, INJECTIONS)),
        r -> new Poison("wrong-type", pick(r, List.of(new Obj(), List.of(), List.of(valid), true, false, 12345, 1.5,
            new Obj().put("$ne", null)))),
        r -> new Poison("huge-number", hugeNumber(r)),
        r -> new Poison("deep-nesting", deepArray(10_000))));
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> enumPoisons(String valid, boolean required) {
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required ? required() : List.of());
    poisons.addAll(List.of(
        r -> new Poison("unknown-enum", pick(r, List.of("ELBOW", valid.toLowerCase(), valid + "S", "_" + valid,
            "\u202E" + valid, "\u00A0" + valid, valid + "\u200B", "UNKNOWN"))),
        r -> new Poison("injection", pick(r, INJECTIONS)),
        r -> new Poison("wrong-type", pick(r, List.of(0, 3, -1, 1.5, true, new Obj(), List.of(valid),
            new Obj().put("name", valid)))),
        r -> new Poison("huge-number", hugeNumber(r)),
        r -> new Poison("deep-nesting", deepObject(10_000))));
    if (required) {
      poisons.add(r -> new Poison("null", ""));
    }
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> hipHikePoisons() {
    return List.of(
        r -> new Poison("out-of-range", pick(r, List.of("BILATERAL", "NOT_APPLICABLE"))),
        r -> new Poison("unknown-enum", pick(r, List.of("left", "UP", "RIGHT\u200B", "\u202ERIGHT"))),
        r -> new Poison("injection", pick(r, INJECTIONS)),
        r -> new Poison("wrong-type", pick(r, List.of(1, 2.5, new Obj(), List.of("LEFT")))));
  }

  private List<Function<java.util.Random, Poison>> datePoisons(boolean required) {
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required ? required() : List.of());
    poisons.addAll(List.of(
        r -> new Poison("null", pick(r, List.of("", "   "))),
        r -> new Poison("future-date", pick(r, List.of(f.today().plusDays(2).toString(),
            f.today().plusDays(400).toString(), f.today().plusYears(10).toString(), "+99999-12-31", "9999-12-31"))),
        r -> new Poison("bad-date", pick(r, List.of("2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10",
            "2026-04-31", "2026/01/01", "01.02.2026", "2026-1-1", "20260101", "today", "yesterday", "99999-01-01",
            "2026-02-30T00:00:00", " 2026-01-0l"))),
        r -> new Poison("bad-date", pick(r, List.of(List.of(2026, 2, 30), List.of(99999, 1, 1), List.of(),
            List.of(2026, 13), 99_999_999L, 1_000_000_000_000L, -1_000_000_000_000L, Long.MAX_VALUE))),
        r -> new Poison("injection", pick(r, INJECTIONS)),
        r -> new Poison("wrong-type", pick(r, List.of(new Obj(), new Obj().put("year", 2026).put("month", 1),
            true, 1.5))),
        r -> new Poison("huge-number", hugeNumber(r)),
        r -> new Poison("deep-nesting", deepArray(10_000))));
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> textPoisons(int max, boolean required) {
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required ? required() : List.of());
    if (required) {
      poisons.add(r -> new Poison("null", pick(r, List.of("", " ", "\t\n", "\u2003", "\r\n \t"))));
    }
    poisons.addAll(List.of(
        r -> new Poison("text-length", pick(r, List.of("x", "\u00E9", "\uD83D\uDE00", "<")).repeat(max + 1 + r.nextInt(50))),
        r -> new Poison("wrong-type", pick(r, List.of(new Obj(), List.of(), List.of("a"), List.of(List.of()),
            new Obj().put("$ne", null)))),
        r -> new Poison("deep-nesting", deepArray(10_000))));
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> optionalTextPoisons(int max) {
    return textPoisons(max, false);
  }

  private List<Function<java.util.Random, Poison>> conditionPoisons() {
    return List.of(
        r -> new Poison("unknown-enum", pick(r, List.of("NOT_A_CONDITION", "patellofemoral_pain", "CALF_STRAIN",
            "PATELLOFEMORAL_PAIN\u0000", "M22.2"))),
        r -> new Poison("injection", pick(r, INJECTIONS)),
        r -> new Poison("wrong-type", pick(r, List.of(new Obj(), List.of("PATELLOFEMORAL_PAIN")))));
  }

  private List<Function<java.util.Random, Poison>> patientRefPoisons() {
    List<String> invalidInjections = INJECTIONS.stream().filter(s -> !validPatientRef(s)).toList();
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required());
    poisons.addAll(List.of(
        r -> new Poison("null", pick(r, List.of("", "  "))),
        r -> new Poison("text-length", pick(r, List.of("1", "N", "N-" + "1".repeat(63)))),
        r -> new Poison("bad-id", pick(r, List.of("John Smith", "Jane", "-123", ".123", "N 123", "N/123",
            "N-123\u0000", "\uFF2E-\uFF11\uFF12\uFF13", "N-123<br>", "Müller-1"))),
        r -> new Poison("injection", pick(r, invalidInjections)),
        r -> new Poison("wrong-type", pick(r, List.of(new Obj(), List.of("N-1"), List.of())))));
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> eventIdPoisons() {
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required());
    poisons.addAll(List.of(
        r -> new Poison("null", pick(r, List.of("", "   "))),
        r -> new Poison("foreign-id", pick(r, List.of(UUID.randomUUID().toString(), f.openedEventId(), f.caseId(),
            f.injuryId(), f.secondInjuryEventId().toUpperCase(), 123, 0))),
        r -> new Poison("text-length", "e".repeat(256 + r.nextInt(100))),
        r -> new Poison("injection", pick(r, INJECTIONS)),
        r -> new Poison("wrong-type", pick(r, List.of(new Obj(), List.of(f.secondInjuryEventId())))),
        r -> new Poison("deep-nesting", deepObject(10_000))));
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> intPoisons(int min, int max, boolean required) {
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required ? required() : List.of());
    if (required) {
      poisons.add(r -> new Poison("null", ""));
    }
    poisons.addAll(List.of(
        r -> new Poison("out-of-range", pick(r, List.of(min - 1, max + 1, 1_000_000_000, Integer.MIN_VALUE,
            Integer.MAX_VALUE, min - 1 - r.nextInt(1000), max + 1 + r.nextInt(1000)))),
        r -> new Poison("huge-number", pick(r, List.of(new Raw("2147483648"), new Raw("99999999999999999999"),
            new Raw("1e400"), new Raw("-1e400"), hugeNumber(r)))),
        r -> new Poison("wrong-type", pick(r, List.of(new Raw("2.5"), new Raw("5.0"), new Raw("1e1"), "high", "NaN",
            "Infinity", new Obj(), List.of(5)))),
        r -> new Poison("deep-nesting", deepArray(10_000))));
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> doublePoisons(double min, double max) {
    return List.of(
        r -> new Poison("out-of-range", pick(r, List.of(new Raw("-0.001"), new Raw(max + 0.001 + ""),
            new Raw("1e308"), new Raw("-1e308"), new Raw("1e400"), new Raw("-1e400"), "NaN", "Infinity",
            "-Infinity"))),
        r -> new Poison("wrong-type", pick(r, List.of("abc", "1,5", new Obj(), List.of(1.0)))),
        r -> new Poison("huge-number", hugeNumber(r)));
  }

  private List<Function<java.util.Random, Poison>> scorePoisons() {
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required());
    poisons.addAll(List.of(
        r -> new Poison("out-of-range", pick(r, List.of(new Raw("11"), new Raw("-1"), new Raw("2.5"),
            new Raw("10.000001"), new Raw("1e9"), new Raw("1e400"), new Raw("-1e400"), new Raw("4.9e-324"), "NaN",
            "Infinity", "-0.5"))),
        r -> new Poison("wrong-type", pick(r, List.of("ten", new Obj(), List.of(3), "3,0"))),
        r -> new Poison("huge-number", hugeNumber(r)),
        r -> new Poison("deep-nesting", deepArray(10_000))));
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> booleanPoisons() {
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required());
    poisons.add(r -> new Poison("wrong-type", pick(r, List.of("maybe", "yes please", new Obj(), List.of(true)))));
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> findingsPoisons() {
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required());
    poisons.add(r -> new Poison("wrong-type", pick(r, List.of("antalgic", 42, List.of(), List.of(validFindings()),
        true))));
    poisons.add(r -> new Poison("deep-nesting", deepObject(10_000)));
    poisons.add(r -> new Poison("unknown-field", validFindings().put(pick(r, FOREIGN_KEYS), "x")));
    // one invalid value inside the nested object, as the nested field names it
    poisons.add(r -> {
      Field inner = pick(r, findingsFields());
      Poison poison = pick(r, inner.poisons()).apply(r);
      return new Poison(poison.category(), validFindings().put(inner.name(), poison.value()), poison.alsoAllowed());
    });
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> secondaryPoisons() {
    List<Function<java.util.Random, Poison>> poisons = new ArrayList<>(required());
    poisons.addAll(List.of(
        r -> new Poison("out-of-range", List.of()),
        r -> new Poison("foreign-id", pick(r, List.of(List.of(f.injuryId()), List.of(f.secondInjuryId(), f.secondInjuryId()),
            List.of(UUID.randomUUID().toString()), List.of(f.southInjuryId()), List.of(f.recordingId()))),
            Set.of()),
        r -> new Poison("null", Arrays.asList(f.secondInjuryId(), null)),
        r -> new Poison("bad-id", List.of(pick(r, INJECTIONS))),
        r -> new Poison("wrong-type", pick(r, List.of(f.secondInjuryId(), new Obj(), 42, List.of(List.of(f.secondInjuryId()))))),
        r -> new Poison("deep-nesting", deepArray(10_000))));
    return poisons;
  }

  private List<Function<java.util.Random, Poison>> evidencePoisons() {
    return List.of(
        r -> new Poison("foreign-id", pick(r, List.of(List.of(UUID.randomUUID().toString()), List.of(f.southRecordingId()),
            List.of(f.injuryId()), List.of(f.recordingId(), f.recordingId())))),
        r -> new Poison("null", Arrays.asList((Object) null)),
        r -> new Poison("bad-id", List.of(pick(r, INJECTIONS))),
        r -> new Poison("wrong-type", pick(r, List.of(f.recordingId(), new Obj(), 42))));
  }

  private Poison poison(Field field) {
    return pick(random, field.poisons()).apply(random);
  }

  // ---------------------------------------------------------------- bodies with field poisons

  /** Every poison maker of every field once, on an otherwise valid body: each field gets each kind of fault. */
  private void eachPoisonAlone(Endpoint endpoint) {
    for (Field field : endpoint.fields()) {
      for (Function<java.util.Random, Poison> maker : field.poisons()) {
        Poison poison = maker.apply(random);
        Obj body = valid(endpoint);
        body.put(field.name(), poison.value());
        addJson(poison.category(), endpoint, body, union(endpoint.alsoAllowed(), poison.alsoAllowed()),
            random.nextBoolean(), Framing.LENGTH, List.of());
      }
    }
  }

  /** One to three poisoned fields, noise in the free text, and sometimes a second fault in the body's structure. */
  private void combo(Endpoint endpoint) {
    Obj body = valid(endpoint);
    List<Field> fields = new ArrayList<>(endpoint.fields());
    java.util.Collections.shuffle(fields, random);
    int poisoned = 1 + random.nextInt(Math.min(3, fields.size()));
    Set<Integer> allowed = new LinkedHashSet<>(endpoint.alsoAllowed());
    String category = null;
    List<Poison> applied = new ArrayList<>();
    for (int i = 0; i < poisoned; i++) {
      Poison poison = poison(fields.get(i));
      body.put(fields.get(i).name(), poison.value());
      allowed.addAll(poison.alsoAllowed());
      applied.add(poison);
      category = category == null ? poison.category() : category;
    }
    // noise: never on a poisoned field, never on a field other fields' validity depends on
    for (Field field : fields.subList(poisoned, fields.size())) {
      if (field.freeText() && random.nextInt(10) < 6) {
        body.put(field.name(), noise());
      }
    }
    if (random.nextInt(8) == 0) {
      // a duplicated key whose LAST value is the poison: invalid whether the parser keeps the last or refuses both
      Field first = fields.get(0);
      if (applied.get(0).value() != Json.MISSING) {
        body.addBefore(first.name(), first.valid().get());
        category = "duplicate-key";
      }
    }
    if (random.nextInt(10) == 0) {
      body.add(pick(random, foreignKeys(endpoint)), noise());
      category = "unknown-field";
    }
    boolean ascii = random.nextBoolean();
    byte[] bytes = utf8(Json.write(body, ascii));
    if (random.nextInt(8) == 0) {
      bytes = malform(bytes);
      category = "malformed-json";
    }
    List<String[]> extra = new ArrayList<>();
    if (random.nextInt(5) == 0) {
      // a fresh key on a refused request must not leave a claim behind (idempotency_record stays unchanged)
      extra.add(new String[] {"Idempotency-Key", "hostile-" + Long.toHexString(random.nextLong())});
    }
    if (random.nextInt(10) == 0) {
      extra.add(new String[] {"X-Correlation-Id", headerSafe(pick(random, INJECTIONS))});
    }
    Framing framing = bytes.length <= MAX_JSON_BODY && random.nextInt(6) == 0 ? Framing.CHUNKED : Framing.LENGTH;
    add(category, endpoint.name(), "POST", endpoint.northPath().apply(f), withExtra(jsonHeaders(f.northToken()), extra),
        bytes, framing, expected(bytes, union(Set.of(400), allowed)), true);
  }

  // ---------------------------------------------------------------- the body as a whole

  private void structural(Endpoint endpoint) {
    String valid = Json.write(valid(endpoint), random.nextBoolean());
    for (String body : List.of("", "   ", "\n", "null", "[]", "[" + valid + "]", "42", "-0", "\"text\"", "true",
        "[null]", "{\"\":" + valid + "}")) {
      addRaw("non-object-body", endpoint, utf8(body));
    }
    addJson("missing-required", endpoint, new Obj(), endpoint.alsoAllowed(), true, Framing.LENGTH, List.of());
    Obj nulls = new Obj();
    endpoint.fields().forEach(field -> nulls.put(field.name(), null));
    addJson("null", endpoint, nulls, endpoint.alsoAllowed(), true, Framing.LENGTH, List.of());
    // the valid body made malformed in many ways: each of these is invalid JSON whatever its content
    for (int i = 0; i < 6; i++) {
      addRaw("malformed-json", endpoint, utf8(valid.substring(0, random.nextInt(valid.length()))));
    }
    for (String garbage : List.of("x", "}", "{}", "[]", ",", "\u0000", " 1", "/", "<!--", "\"", " null")) {
      addRaw("malformed-json", endpoint, utf8(valid + garbage));
    }
    for (int i = 0; i < 8; i++) {
      addRaw("malformed-json", endpoint, malform(utf8(valid)));
    }
    addRaw("deep-nesting", endpoint, utf8("[".repeat(10_000) + "]".repeat(10_000)));
    addRaw("deep-nesting", endpoint, utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
    addRaw("deep-nesting", endpoint, utf8("[".repeat(30_000)));
    addRaw("deep-nesting", endpoint, utf8("{\"a\":[".repeat(5_000) + "]}".repeat(5_000)));
    addRaw("huge-number", endpoint, utf8("1" + "0".repeat(60_000)));
    addRaw("huge-number", endpoint, utf8("1e400"));
    for (int i = 0; i < 4; i++) {
      Obj body = valid(endpoint);
      body.add(pick(random, foreignKeys(endpoint)), pick(random, List.of("x", UUID.randomUUID().toString(), new Obj(), 1)));
      addJson("unknown-field", endpoint, body, endpoint.alsoAllowed(), random.nextBoolean(), Framing.LENGTH, List.of());
    }
    for (String literal : List.of("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1_000", "--1",
        "undefined", "True", "NULL")) {
      Obj body = valid(endpoint);
      body.put(pick(random, endpoint.fields()).name(), new Raw(literal));
      addRaw("malformed-json", endpoint, utf8(Json.write(body, true)));
    }
  }

  /** A valid body made syntactically invalid at a random place. */
  private byte[] malform(byte[] body) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int quote = Math.max(text.indexOf("\":\"") + 3, 1);
    return switch (random.nextInt(10)) {
      case 0 -> latin1(text.replaceFirst("\"([A-Za-z]+)\":", "$1:"));
      case 1 -> latin1(text.replace('"', '\''));
      case 2 -> latin1(pick(random, List.of("/* c */", "// c\n", "# c\n")) + text);
      case 3 -> latin1(text.substring(0, text.length() - 1) + ",}");
      case 4 -> latin1(text.replaceFirst(",", " "));
      case 5 -> latin1(text.substring(0, quote) + pick(random, List.of("\u0001", "\n", "\t", "\u001f")) + text.substring(quote));
      case 6 -> latin1(text.substring(0, quote) + pick(random, List.of("\\x41", "\\u12G", "\\q", "\\U0041")) + text.substring(quote));
      case 7 -> {
        byte[] bad = pick(random, List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
        byte[] result = new byte[body.length + bad.length];
        System.arraycopy(body, 0, result, 0, quote);
        System.arraycopy(bad, 0, result, quote, bad.length);
        System.arraycopy(body, quote, result, quote + bad.length, body.length - quote);
        yield result;
      }
      case 8 -> latin1(text.substring(0, Math.max(1, random.nextInt(text.length()))));
      default -> latin1("{" + text);
    };
  }

  // ---------------------------------------------------------------- framing, content type and size

  private void contentTypes(Endpoint endpoint) {
    byte[] valid = utf8(Json.write(valid(endpoint), true));
    for (String type : List.of("text/plain", "text/plain;charset=UTF-8", "application/xml", "text/xml",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
        "application/json;charset=nonexistent", "application/json;charset=", "json", "application/",
        "/json", "text/json", "application/javascript", "text/html", "image/png")) {
      add("wrong-content-type", endpoint.name(), "POST", endpoint.northPath().apply(f),
          List.of(auth(f.northToken()), new String[] {"Content-Type", type}), valid, Framing.LENGTH, Set.of(415), true);
    }
    add("wrong-content-type", endpoint.name(), "POST", endpoint.northPath().apply(f), List.<String[]>of(auth(f.northToken())),
        valid, Framing.LENGTH, Set.of(415), true);
  }

  private void oversized(Endpoint endpoint) {
    byte[] valid = utf8(Json.write(valid(endpoint), true));
    // a valid body padded with whitespace: refused for its size alone
    for (int size : new int[] {MAX_JSON_BODY + 1, MAX_JSON_BODY + 7, 100_000, 1_000_000}) {
      add("oversized", endpoint.name(), "POST", endpoint.northPath().apply(f), jsonHeaders(f.northToken()),
          padTo(valid, size), Framing.LENGTH, Set.of(413), true);
    }
    Field text = endpoint.fields().stream().filter(Field::freeText).findFirst().orElse(endpoint.fields().get(0));
    Obj huge = valid(endpoint).put(text.name(), pick(random, List.of("A", "\uD83D\uDE00", "\u0000")).repeat(100_000));
    add("oversized", endpoint.name(), "POST", endpoint.northPath().apply(f), jsonHeaders(f.northToken()),
        utf8(Json.write(huge, random.nextBoolean())), Framing.LENGTH, Set.of(413), true);
    add("oversized", endpoint.name(), "POST", endpoint.northPath().apply(f),
        withExtra(jsonHeaders(f.northToken()), List.<String[]>of(new String[] {"Idempotency-Key", "big-" + random.nextInt()})),
        padTo(valid, 70_000), Framing.LENGTH, Set.of(413), true);
    // announced but never sent: the size is refused before the body is read
    add("oversized", endpoint.name(), "POST", endpoint.northPath().apply(f),
        withExtra(jsonHeaders(f.northToken()), List.<String[]>of(new String[] {"Content-Length", "70000"})),
        utf8("{\"a\":"), Framing.CALLER, Set.of(413), true);
    // exactly at the limit is not too large: refused as invalid, not for its size
    Obj poisoned = valid(endpoint);
    Field field = endpoint.fields().get(0);
    Poison poison = poison(field);
    poisoned.put(field.name(), poison.value());
    byte[] atLimit = utf8(Json.write(poisoned, true));
    if (atLimit.length <= MAX_JSON_BODY) {
      add("size-at-limit", endpoint.name(), "POST", endpoint.northPath().apply(f), jsonHeaders(f.northToken()),
          padTo(atLimit, MAX_JSON_BODY), Framing.LENGTH,
          union(Set.of(400), union(endpoint.alsoAllowed(), poison.alsoAllowed())), true);
    }
  }

  // ---------------------------------------------------------------- paths, methods and rights

  private void paths(Endpoint endpoint) {
    if (endpoint.name().equals("open-case")) {
      return;
    }
    byte[] valid = utf8(Json.write(valid(endpoint), true));
    String suffix = endpoint.northPath().apply(f).substring(("/api/v1/cases/" + f.caseId()).length());
    List<String> notUuids = new ArrayList<>(List.of("not-a-uuid", "1", "null", "undefined", "-1",
        f.caseId() + "x", f.caseId().replace("-", ""), "%E2%80%AE" + f.caseId(), "a".repeat(4_000), "a".repeat(6_000),
        "0-0-0-0-0", "1-2-3-4-5"));
    for (int i = 0; i < 4; i++) {
      notUuids.add(pathSegment(pick(random, INJECTIONS)));
    }
    for (String segment : notUuids) {
      add("path-not-uuid", endpoint.name(), "POST", "/api/v1/cases/" + segment + suffix, jsonHeaders(f.northToken()),
          valid, Framing.LENGTH, Set.of(400), true);
    }
    for (String unknown : List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")) {
      add("path-unknown-case", endpoint.name(), "POST", "/api/v1/cases/" + unknown + suffix, jsonHeaders(f.northToken()),
          valid, Framing.LENGTH, Set.of(404), true);
    }
    // a case of the other clinic: it does not exist for this clinician, whatever the body says
    add("path-other-clinic", endpoint.name(), "POST", endpoint.southPath().apply(f), jsonHeaders(f.northToken()),
        valid, Framing.LENGTH, Set.of(404), true);
    add("path-other-clinic", endpoint.name(), "POST", casePath(f.southCaseId(), suffix), jsonHeaders(f.northToken()),
        valid, Framing.LENGTH, Set.of(404), true);
    for (int i = 0; i < 3; i++) {
      Obj body = valid(endpoint);
      Field field = pick(random, endpoint.fields());
      body.put(field.name(), poison(field).value());
      add("path-other-clinic", endpoint.name(), "POST", endpoint.southPath().apply(f), jsonHeaders(f.northToken()),
          utf8(Json.write(body, true)), Framing.LENGTH, Set.of(400, 404), true);
    }
    if (endpoint.name().equals("resolution")) {
      for (String injury : List.of("not-an-id", UUID.randomUUID().toString(), f.southInjuryId(), f.recordingId(),
          f.caseId(), "a".repeat(3_000))) {
        add("path-bad-subresource", endpoint.name(), "POST", casePath(f.caseId(), "/injuries/" + injury + "/resolution"),
            jsonHeaders(f.northToken()), valid, Framing.LENGTH, Set.of(400), true);
      }
    }
    String id = f.caseId();
    // Not the canonical spelling of a path: refused before any filter that matches paths, with a problem+json 400.
    for (String target : List.of("/api/v1/cases/../cases/" + id + suffix, "/api/v1/cases/" + id + "/." + suffix,
        "/api/v1/cases//" + id + suffix, "/api/v1/cases/" + id + ";jsessionid=x" + suffix,
        "/api/v1/cases/%2e%2e/cases/" + id + suffix, "/api/v1/cases/" + id + "/%2E" + suffix,
        "/api/v1/cases/%25" + suffix, "/api/v1/cases/" + id + suffix + "/..", "/api/v1/%63ases/" + id + suffix,
        "/api/v1/cases/" + id + suffix + "/", "/api/v1/cases/" + id + suffix.replace("/", "/%2D"))) {
      add("path-not-canonical", endpoint.name(), "POST", target, jsonHeaders(f.northToken()), valid, Framing.LENGTH,
          Set.of(400), true);
    }
    // Refused by Tomcat while it parses the request, before any filter or servlet: see HostileInputIT.
    for (String target : List.of("/api/v1/cases/a%2Fb" + suffix, "/api/v1/cases/a%5Cb" + suffix,
        "/api/v1/cases/a%00b" + suffix, "/api/v1/cases/%ZZ" + suffix, "/api/v1/cases/%" + suffix,
        "/api/v1/cases/a\\b" + suffix, "/api/v1/cases/{" + id + "}" + suffix, "/api/v1/cases/\u00e9" + suffix,
        "/api/v1/cases/" + id + suffix + "#x", "/api/v1/cases/" + "a".repeat(9_000) + suffix,
        "/api/v1/cases/" + "a".repeat(100_000) + suffix)) {
      add("path-tomcat", endpoint.name(), "POST", target, jsonHeaders(f.northToken()), valid, Framing.LENGTH,
          Set.of(400), false);
    }
    for (String[] header : List.<String[]>of(new String[] {"Content-Length", "-5"},
        new String[] {"Content-Length", "99999999999999999999999"}, new String[] {"Content-Length", "abc"},
        new String[] {"X-Correlation-Id", "a\u0001b"}, new String[] {"Content-Type", "application/json\u0000"})) {
      List<String[]> headers = new ArrayList<>(List.<String[]>of(auth(f.northToken())));
      if (!header[0].equals("Content-Type")) {
        headers.add(new String[] {"Content-Type", "application/json"});
      }
      headers.add(header);
      add("path-tomcat", endpoint.name(), "POST", endpoint.northPath().apply(f), headers, valid,
          header[0].equals("Content-Length") ? Framing.CALLER : Framing.LENGTH, Set.of(400), false);
    }
    List<String[]> twoLengths = new ArrayList<>(jsonHeaders(f.northToken()));
    twoLengths.add(new String[] {"Content-Length", Integer.toString(valid.length)});
    twoLengths.add(new String[] {"Content-Length", Integer.toString(valid.length - 1)});
    add("path-tomcat", endpoint.name(), "POST", endpoint.northPath().apply(f), twoLengths, valid, Framing.CALLER,
        Set.of(400), false);
  }

  private void methodsAndRights(Endpoint endpoint) {
    byte[] valid = utf8(Json.write(valid(endpoint), true));
    String path = endpoint.northPath().apply(f);
    for (String method : List.of("PUT", "PATCH", "DELETE")) {
      add("wrong-method", endpoint.name(), method, path, jsonHeaders(f.northToken()), valid, Framing.LENGTH,
          Set.of(403, 405), true);
    }
    // valid bodies without the right to record them
    List<String[]> noToken = List.<String[]>of(new String[] {"Content-Type", "application/json"});
    add("unauthenticated", endpoint.name(), "POST", path, noToken, valid, Framing.LENGTH, Set.of(401), true);
    String flipped = f.northToken().substring(0, f.northToken().length() - 1)
        + (f.northToken().endsWith("A") ? "B" : "A");
    for (String authorization : List.of("Bearer garbage", "Bearer " + flipped, "Bearer ", "Basic Y2xpbmljaWFuLm5vcnRoOng=",
        "Bearer ' OR 1=1 --", "Bearer " + "A".repeat(4_000), "Token " + f.northToken(), "Bearer " + f.northToken() + " x")) {
      add("unauthenticated", endpoint.name(), "POST", path,
          List.of(new String[] {"Authorization", authorization}, new String[] {"Content-Type", "application/json"}),
          valid, Framing.LENGTH, Set.of(401), true);
    }
    add("forbidden-role", endpoint.name(), "POST", path, jsonHeaders(f.ownerToken()), valid, Framing.LENGTH,
        Set.of(403), true);
    if (endpoint.name().equals("open-case")) {
      // the other clinic's clinician opening a case in North
      add("path-other-clinic", endpoint.name(), "POST", path, jsonHeaders(f.southToken()), valid, Framing.LENGTH,
          Set.of(403), true);
    } else {
      add("path-other-clinic", endpoint.name(), "POST", path, jsonHeaders(f.southToken()), valid, Framing.LENGTH,
          Set.of(404), true);
    }
    for (String key : List.of("k".repeat(256), "a b", "", "\u00e9t\u00e9", "key\u00ff")) {
      add("idempotency-key", endpoint.name(), "POST", path,
          withExtra(jsonHeaders(f.northToken()), List.<String[]>of(new String[] {"Idempotency-Key", key})),
          valid, Framing.LENGTH, Set.of(400), true);
    }
  }

  // ---------------------------------------------------------------- the video upload

  private void video() {
    String recording = videoPath(f.caseId(), f.recordingId());
    // declared as a video, but the bytes are something else: refused by content
    List<String> types = List.of("video/mp4", "video/webm", "video/quicktime", "video/mp4; codecs=\"avc1.42E01E\"",
        "video/webm;codecs=vp9");
    for (int i = 0; i < 120; i++) {
      String type = pick(random, types);
      byte[] bytes = notAVideoOf(type.startsWith("video/webm") ? "video/webm"
          : type.startsWith("video/quicktime") ? "video/quicktime" : "video/mp4");
      add("video-content", "video", "PUT", recording,
          List.of(auth(f.northToken()), new String[] {"Content-Type", type}), bytes, random.nextInt(5) == 0
              ? Framing.CHUNKED : Framing.LENGTH, Set.of(400), true);
    }
    // a real MP4 header, declared as something that is not an accepted video type
    for (String type : List.of("image/png", "image/gif", "text/plain", "application/octet-stream", "application/json",
        "video/avi", "video/x-msvideo", "video/mpeg", "video/ogg", "video/*", "video/", "mp4", "",
        "video/mp4, image/png", "application/mp4", "audio/mp4", "text/html", "multipart/form-data; boundary=x")) {
      add("video-type", "video", "PUT", recording, List.of(auth(f.northToken()), new String[] {"Content-Type", type}),
          mp4(512 + random.nextInt(2048)), Framing.LENGTH, Set.of(415), true);
    }
    add("video-type", "video", "PUT", recording, List.<String[]>of(auth(f.northToken())), mp4(600), Framing.LENGTH,
        Set.of(415), true);
    // a valid MP4 to a recording, or a case, that is not the caller's
    for (String[] target : List.<String[]>of(
        new String[] {videoPath(f.caseId(), UUID.randomUUID().toString()), "400"},
        new String[] {videoPath(f.caseId(), f.injuryId()), "400"},
        new String[] {videoPath(f.caseId(), f.southRecordingId()), "400"},
        new String[] {videoPath(f.caseId(), "not-a-uuid"), "400"},
        new String[] {videoPath(f.caseId(), pathSegment(pick(random, INJECTIONS))), "400"},
        new String[] {videoPath(UUID.randomUUID().toString(), f.recordingId()), "404"},
        new String[] {videoPath(f.southCaseId(), f.southRecordingId()), "404"},
        new String[] {videoPath(f.southCaseId(), f.recordingId()), "404"},
        new String[] {videoPath("not-a-uuid", f.recordingId()), "400"})) {
      add("video-path", "video", "PUT", target[0], List.of(auth(f.northToken()), new String[] {"Content-Type", "video/mp4"}),
          mp4(256 + random.nextInt(1024)), Framing.LENGTH, Set.of(Integer.parseInt(target[1])), true);
    }
    add("video-path", "video", "PUT", recording, List.of(auth(f.southToken()), new String[] {"Content-Type", "video/mp4"}),
        mp4(300), Framing.LENGTH, Set.of(404), true);
    // announced as larger than the video limit: refused before the body is read
    for (String length : List.of("524288001", "600000000", "9223372036854775807")) {
      add("oversized", "video", "PUT", recording, List.of(auth(f.northToken()), new String[] {"Content-Type", "video/mp4"},
          new String[] {"Content-Length", length}), MP4_HEAD, Framing.CALLER, Set.of(413), true);
    }
    add("unauthenticated", "video", "PUT", recording, List.<String[]>of(new String[] {"Content-Type", "video/mp4"}), mp4(300),
        Framing.LENGTH, Set.of(401), true);
    add("forbidden-role", "video", "PUT", recording, List.of(auth(f.ownerToken()), new String[] {"Content-Type", "video/mp4"}),
        mp4(300), Framing.LENGTH, Set.of(403), true);
    add("wrong-method", "video", "POST", recording, List.of(auth(f.northToken()), new String[] {"Content-Type", "video/mp4"}),
        mp4(300), Framing.LENGTH, Set.of(405), true);
    add("wrong-method", "video", "PATCH", recording, List.of(auth(f.northToken()), new String[] {"Content-Type", "video/mp4"}),
        mp4(300), Framing.LENGTH, Set.of(403), true);
  }

  /** Bytes whose head is not the declared container: scripts, images, archives, random bytes, near misses. */
  private byte[] notAVideoOf(String type) {
    int kind = random.nextInt(14);
    byte[] head = switch (kind) {
      case 0 -> utf8("#!/bin/sh\necho pretending to be a video\nrm -rf / --no-preserve-root\n");
      case 1 -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
      case 2 -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};
      case 3 -> utf8("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000");
      case 4 -> utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj");
      case 5 -> new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0};
      case 6 -> new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0};
      case 7 -> utf8("<html><script>alert(document.cookie)</script></html>");
      case 8 -> utf8("ftypisom\u0000\u0000\u0000\u0018"); // the brand at the wrong offset
      case 9 -> Arrays.copyOf(type.equals("video/webm") ? EBML : MP4_HEAD, 11); // shorter than the sniffed head
      case 10 -> type.equals("video/webm") ? MP4_HEAD : EBML; // the other container's signature
      case 11 -> new byte[0];
      case 12 -> new byte[] {0, 0, 0, 0x18, 'm', 'o', 'o', 'V', 0, 0, 0, 0}; // a box name off by case
      default -> randomBytes(12 + random.nextInt(64));
    };
    byte[] bytes = Arrays.copyOf(head, kind == 9 || kind == 11 ? head.length : head.length + random.nextInt(2048));
    for (int i = head.length; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    if (looksLikeVideo(type, bytes)) {
      bytes[4] = 'X'; // random bytes that happen to carry a signature must not slip through as "invalid"
      bytes[0] = 'X';
    }
    return bytes;
  }

  /** The app's own content rule, used only to make sure no generated "non-video" is accidentally a video. */
  private static boolean looksLikeVideo(String type, byte[] head) {
    if (head.length < 12) {
      return false;
    }
    if (type.equals("video/webm")) {
      return Arrays.equals(Arrays.copyOf(head, 4), EBML);
    }
    String box = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
    return type.equals("video/mp4") ? box.equals("ftyp")
        : List.of("ftyp", "moov", "mdat", "wide", "free", "skip").contains(box);
  }

  private byte[] mp4(int size) {
    byte[] bytes = Arrays.copyOf(MP4_HEAD, size);
    for (int i = MP4_HEAD.length; i < size; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  // ---------------------------------------------------------------- issuing tokens (writes no events)

  /**
   * Hostile bodies for {@code POST /api/v1/auth/tokens}. Only bodies refused before any password
   * check: failed sign-ins are throttled per client address, and every test signs in from
   * 127.0.0.1, so wrong credentials here would lock the other tests out. The two exceptions carry
   * a NUL in the username, which PostgreSQL text cannot hold.
   */
  private void login() {
    for (int i = 0; i < 40; i++) {
      Obj body = new Obj()
          .put("username", pick(random, List.of(pick(random, INJECTIONS), "x".repeat(5_000), noise())))
          .put("password", pick(random, List.of(pick(random, INJECTIONS), "x".repeat(10_000), noise())));
      // one field that is surely invalid before authentication: missing, blank, or not a string
      body.put(pick(random, List.of("username", "password")),
          pick(random, List.of(new Obj(), List.of(), List.of("admin"), Json.MISSING, "")));
      if (random.nextInt(5) == 0) {
        body.add(pick(random, List.of("role", "roles", "clinicId", "@class", "__proto__")), "ADMIN");
      }
      byte[] bytes = utf8(Json.write(body, random.nextBoolean()));
      if (random.nextInt(4) == 0) {
        bytes = malform(bytes);
      }
      add("login", "auth-tokens", "POST", "/api/v1/auth/tokens",
          List.<String[]>of(new String[] {"Content-Type", "application/json"}), bytes, Framing.LENGTH, Set.of(400), true);
    }
    for (String username : List.of("\\u0000", "nobody\\u0000' OR 1=1 --")) {
      add("login", "auth-tokens", "POST", "/api/v1/auth/tokens",
          List.<String[]>of(new String[] {"Content-Type", "application/json"}),
          utf8("{\"username\":\"" + username + "\",\"password\":\"x\"}"), Framing.LENGTH, Set.of(400, 401), true);
    }
    add("login", "auth-tokens", "POST", "/api/v1/auth/tokens",
        List.<String[]>of(new String[] {"Content-Type", "application/json"}),
        padTo(utf8("{\"username\":\"a\",\"password\":\"b\"}"), 70_000), Framing.LENGTH, Set.of(413), true);
  }

  // ---------------------------------------------------------------- helpers

  private void addJson(String category, Endpoint endpoint, Obj body, Set<Integer> allowed, boolean ascii,
      Framing framing, List<String[]> extra) {
    byte[] bytes = utf8(Json.write(body, ascii));
    add(category, endpoint.name(), "POST", endpoint.northPath().apply(f), withExtra(jsonHeaders(f.northToken()), extra),
        bytes, framing, expected(bytes, union(Set.of(400), allowed)), true);
  }

  private void addRaw(String category, Endpoint endpoint, byte[] body) {
    // a body that is not a valid request object fails before any rule of the case: always 400
    add(category, endpoint.name(), "POST", endpoint.northPath().apply(f), jsonHeaders(f.northToken()), body,
        random.nextInt(6) == 0 && body.length <= MAX_JSON_BODY ? Framing.CHUNKED : Framing.LENGTH,
        expected(body, Set.of(400)), true);
  }

  private void add(String category, String endpoint, String method, String target, List<String[]> headers, byte[] body,
      Framing framing, Set<Integer> expected, boolean problemRequired) {
    out.add(new Hostile(category, endpoint, new Request(method, target, headers, body, framing), expected, problemRequired));
  }

  private static Set<Integer> expected(byte[] body, Set<Integer> otherwise) {
    return body.length > MAX_JSON_BODY ? Set.of(413) : otherwise;
  }

  private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
    Set<Integer> union = new LinkedHashSet<>(a);
    union.addAll(b);
    return Set.copyOf(union);
  }

  private List<String> foreignKeys(Endpoint endpoint) {
    Set<String> own = new java.util.HashSet<>();
    endpoint.fields().forEach(field -> own.add(field.name()));
    return FOREIGN_KEYS.stream().filter(key -> !own.contains(key)).toList();
  }

  /** Free-text noise: hostile strings, random Unicode, coercible scalars. Never needed to make a request invalid. */
  private Object noise() {
    return switch (random.nextInt(6)) {
      case 0, 1 -> pick(random, INJECTIONS);
      case 2 -> randomUnicode(1 + random.nextInt(40));
      case 3 -> pick(random, List.of(42, -1, 3.14, true, false, new Raw("1e400"), 0));
      case 4 -> "  " + pick(random, INJECTIONS) + " \t";
      default -> pick(random, INJECTIONS) + randomUnicode(5) + pick(random, INJECTIONS);
    };
  }

  private String randomUnicode(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int codePoint = switch (random.nextInt(7)) {
        case 0 -> random.nextInt(0x20);
        case 1 -> 0x20 + random.nextInt(0x5F);
        case 2 -> 0xA0 + random.nextInt(0x700);
        case 3 -> 0xD800 + random.nextInt(0x800); // a lone surrogate
        case 4 -> 0x1F300 + random.nextInt(0x300);
        case 5 -> pick(random, List.of(0x202E, 0x202D, 0x200B, 0x200F, 0xFEFF, 0xFFFD, 0xFFFF, 0x2028, 0x2029));
        default -> random.nextInt(0x10FFFF);
      };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  private Raw hugeNumber(java.util.Random r) {
    return new Raw(pick(r, List.of("1" + "0".repeat(1_200), "1e400", "-1e400", "9".repeat(1_001), "-" + "9".repeat(1_500),
        "123456789012345678901234567890")));
  }

  private static Raw deepArray(int depth) {
    return new Raw("[".repeat(depth) + "]".repeat(depth));
  }

  private static Raw deepObject(int depth) {
    return new Raw("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
  }

  /** Pads a JSON text with whitespace before its last char, to exactly {@code size} bytes. */
  private static byte[] padTo(byte[] json, int size) {
    if (json.length >= size) {
      return json;
    }
    byte[] padded = new byte[size];
    System.arraycopy(json, 0, padded, 0, json.length - 1);
    Arrays.fill(padded, json.length - 1, size - 1, (byte) ' ');
    padded[size - 1] = json[json.length - 1];
    return padded;
  }

  /**
   * A hostile string as one path segment that the servlet container lets through, so that the
   * application itself must refuse it: percent-encoded (refused as a non-canonical path) where it
   * is not a letter, digit or {@code - _ ~} (those reach the id parsing), without the characters
   * that are refused earlier ({@code / \ % . ;}, controls).
   */
  static String pathSegment(String hostile) {
    StringBuilder segment = new StringBuilder();
    for (byte b : hostile.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c < 0x20 || c == 0x7F || "/\\%.;".indexOf(c) >= 0) {
        continue;
      }
      if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '~') {
        segment.append((char) c);
      } else {
        segment.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return segment.isEmpty() ? "x" : segment.toString();
  }

  /** Header values cannot carry CR, LF or NUL on the wire; keep the rest of the hostile text. */
  private static String headerSafe(String text) {
    return text.replaceAll("[\\r\\n\\x00-\\x1F\\x7F]", "").replaceAll("[^\\x20-\\x7E]", "?");
  }

  private static boolean validPatientRef(String text) {
    String stripped = text.strip();
    int length = stripped.codePointCount(0, stripped.length());
    return length >= 2 && length <= 64 && PATIENT_REF.matcher(stripped).matches();
  }

  private byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  static String casePath(String caseId, String rest) {
    return "/api/v1/cases/" + caseId + rest;
  }

  private static String videoPath(String caseId, String recordingId) {
    return casePath(caseId, "/gait-recordings/" + recordingId + "/video");
  }

  private static Request request(String method, String target, List<String[]> headers, byte[] body, Framing framing) {
    return new Request(method, target, headers, body, framing);
  }

  private static String[] auth(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private static List<String[]> jsonHeaders(String token) {
    return List.of(auth(token), new String[] {"Content-Type", "application/json"});
  }

  private static List<String[]> withExtra(List<String[]> headers, List<String[]> extra) {
    List<String[]> all = new ArrayList<>(headers);
    all.addAll(extra);
    return all;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static <T> T pick(java.util.Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
