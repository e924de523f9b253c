package com.kineticcasebook.bench;

import com.kineticcasebook.generator.CaseGenerator;
import com.kineticcasebook.generator.CaseGenerator.Clinician;
import com.kineticcasebook.generator.CaseGenerator.GeneratedCase;
import com.kineticcasebook.patientcase.CloseCase;
import com.kineticcasebook.patientcase.GaitFindings;
import com.kineticcasebook.patientcase.HypothesisePrimary;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.patientcase.RecordGaitFilming;
import com.kineticcasebook.patientcase.RecordOutcomeMeasure;
import com.kineticcasebook.patientcase.ReportInjury;
import com.kineticcasebook.patientcase.ResolveInjury;
import com.kineticcasebook.patientcase.StartTreatment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * Clinicians recording realistic cases through the JSON API, each client signed in once and
 * sending one request after the other (a closed loop). Each accepted request records one event.
 */
final class CommandLoad {

  /** One concurrency level's outcome: latencies of accepted requests in microseconds. */
  record Level(int clients, long events, long rejected, double seconds, Histogram latencies) {

    double eventsPerSecond() {
      return events / seconds;
    }

    double millis(double percentile) {
      return latencies.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private final List<Api> clients;
  private final List<Clinician> clinicians;
  private final LocalDate today;
  private int runs;

  CommandLoad(List<Api> clients, List<Clinician> clinicians, LocalDate today) {
    this.clients = clients;
    this.clinicians = clinicians;
    this.today = today;
  }

  Level run(int concurrency, long warmUpSeconds, long measuredSeconds) throws InterruptedException {
    runs++;
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    List<Client> running = new ArrayList<>();
    CountDownLatch finished = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      Client client = new Client(clients.get(i), clinicians.get(i), 1_000L * concurrency + i, measuring, stop);
      running.add(client);
      Thread thread = new Thread(() -> {
        try {
          client.run();
        } finally {
          finished.countDown();
        }
      }, "clinician-" + i);
      thread.start();
    }
    TimeUnit.SECONDS.sleep(warmUpSeconds);
    measuring.set(true);
    long started = System.nanoTime();
    TimeUnit.SECONDS.sleep(measuredSeconds);
    measuring.set(false);
    double seconds = (System.nanoTime() - started) / 1e9;
    stop.set(true);
    finished.await(2, TimeUnit.MINUTES);
    Histogram all = new Histogram(60_000_000L, 3);
    long events = 0;
    long rejected = 0;
    for (Client client : running) {
      all.add(client.latencies);
      events += client.accepted;
      rejected += client.rejected;
      if (client.failure != null) {
        throw new IllegalStateException("A client failed", client.failure);
      }
    }
    return new Level(concurrency, events, rejected, seconds, all);
  }

  /** One clinician's loop: the next generated case, command by command. */
  private final class Client {

    final Api api;
    final Clinician clinician;
    final long seed;
    final AtomicBoolean measuring;
    final AtomicBoolean stop;
    final Histogram latencies = new Histogram(60_000_000L, 3);
    long accepted;
    long rejected;
    long patients;
    final String patientPrefix;
    Exception failure;

    Client(Api api, Clinician clinician, long seed, AtomicBoolean measuring, AtomicBoolean stop) {
      this.api = api;
      this.clinician = clinician;
      this.seed = seed;
      this.patientPrefix = "L" + runs + "-" + seed + "-";
      this.measuring = measuring;
      this.stop = stop;
    }

    void run() {
      try {
        for (long batch = 0; !stop.get(); batch++) {
          for (GeneratedCase generated : new CaseGenerator(seed * 1_000 + batch, today).generate(20, List.of(clinician))) {
            record(generated);
            if (stop.get()) {
              return;
            }
          }
        }
      } catch (Exception e) {
        failure = e;
      }
    }

    private void record(GeneratedCase generated) throws Exception {
      Map<UUID, String> ids = new HashMap<>();
      List<String> eventIds = new ArrayList<>();
      String caseId = null;
      for (Object command : generated.commands()) {
        if (stop.get()) {
          return;
        }
        Api.Answer answer = send(caseId, command, ids, eventIds);
        boolean counted = measuring.get();
        if (answer.status() != 201) {
          if (counted) {
            rejected++;
          }
          return;
        }
        if (counted) {
          accepted++;
          latencies.recordValue(Math.min(answer.nanos() / 1_000, latencies.getHighestTrackableValue()));
        }
        var body = answer.json();
        eventIds.add(body.get("eventId").asString());
        if (command instanceof OpenCase) {
          caseId = body.get("caseId").asString();
        } else if (command instanceof ReportInjury injury) {
          ids.put(injury.injuryId().value(), body.get("injuryId").asString());
        } else if (command instanceof RecordGaitFilming film) {
          ids.put(film.recordingId().value(), body.get("recordingId").asString());
        }
      }
    }

    private Api.Answer send(String caseId, Object command, Map<UUID, String> ids, List<String> eventIds)
        throws Exception {
      String at = "/api/v1/cases/" + caseId;
      if (command instanceof OpenCase c) {
        // The generator numbers patients as the history's cases were numbered, so its patients may
        // have an open case there already; a patient of the load is one no case has had.
        return api.post("/api/v1/cases", body("clinicId", c.clinicId().value(),
            "patientRef", patientPrefix + ++patients, "openedOn", c.openedOn()));
      } else if (command instanceof ReportInjury c) {
        return api.post(at + "/injuries", body("bodyRegion", c.bodyRegion(), "side", c.side(),
            "conditionCode", c.conditionCode(), "description", c.description(), "onsetOn", c.onsetOn(),
            "painScore", c.painScore()));
      } else if (command instanceof RecordGaitFilming c) {
        return api.post(at + "/gait-recordings", body("filmedOn", c.filmedOn(), "view", c.view(),
            "surface", c.surface(), "findings", findings(c.findings())));
      } else if (command instanceof HypothesisePrimary c) {
        return api.post(at + "/hypotheses", body("primaryInjuryId", id(ids, c.primaryInjuryId()),
            "secondaryInjuryIds", c.secondaryInjuryIds().stream().map(i -> id(ids, i)).toList(),
            "rationale", c.rationale(),
            "evidenceRecordingIds", c.evidenceRecordingIds() == null ? null
                : c.evidenceRecordingIds().stream().map(r -> ids.get(r.value())).toList(),
            "hypothesisedOn", c.hypothesisedOn()));
      } else if (command instanceof StartTreatment c) {
        return api.post(at + "/treatments", body("targetInjuryId", id(ids, c.targetInjuryId()),
            "modality", c.modality(), "plan", c.plan(), "startedOn", c.startedOn()));
      } else if (command instanceof RecordOutcomeMeasure c) {
        return api.post(at + "/outcome-measures", body("injuryId", id(ids, c.injuryId()),
            "instrument", c.instrument(), "score", c.score(), "measuredOn", c.measuredOn()));
      } else if (command instanceof ResolveInjury c) {
        return api.post(at + "/injuries/" + id(ids, c.injuryId()) + "/resolution",
            body("resolvedOn", c.resolvedOn(), "note", c.note()));
      } else if (command instanceof CaseGenerator.MarkInError c) {
        return api.post(at + "/errors", body("eventId", eventIds.get(c.commandIndex()), "reason", c.reason()));
      } else if (command instanceof CloseCase c) {
        return api.post(at + "/closure", body("closedOn", c.closedOn(), "reason", c.reason(),
            "closeOpenInjuriesAsUnresolved", c.closeOpenInjuriesAsUnresolved()));
      }
      throw new IllegalStateException("The generator sent an unknown command: " + command.getClass().getSimpleName());
    }
  }

  private static String id(Map<UUID, String> ids, InjuryId injury) {
    return ids.get(injury.value());
  }

  private static Map<String, Object> findings(GaitFindings f) {
    return body("antalgic", f.antalgic(), "stanceAsymmetryPct", f.stanceAsymmetryPct(),
        "pushOffDelayMs", f.pushOffDelayMs(), "hipHikeSide", f.hipHikeSide(), "trunkLeanCm", f.trunkLeanCm(),
        "cadenceSpm", f.cadenceSpm());
  }

  /** A JSON object from name/value pairs; dates and enums as the API spells them, nulls kept. */
  private static Map<String, Object> body(Object... pairs) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      if (value instanceof LocalDate || value instanceof Enum<?> || value instanceof UUID) {
        value = value.toString();
      }
      body.put((String) pairs[i], value);
    }
    return body;
  }
}
