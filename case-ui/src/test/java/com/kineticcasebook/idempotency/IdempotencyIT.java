package com.kineticcasebook.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A request repeated with its Idempotency-Key returns the first answer and records nothing twice. */
class IdempotencyIT extends PostgresApplicationTest {

  private final String today = LocalDate.now().toString();

  @Test
  void aRepeatedRequestReturnsTheFirstResponseAndAppendsNothing() {
    ApiClient clinician = as("clinician.north").withHeader("Idempotency-Key", "open-7f3a");
    Map<String, String> body = Map.of("clinicId", north.toString(), "patientRef", "N-900", "openedOn", today);
    Response first = clinician.post("/api/v1/cases", body);
    long events = events();
    Response second = clinician.post("/api/v1/cases", body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.header("Location")).isEqualTo(first.header("Location"));
    assertThat(second.header("X-Event-Position")).isEqualTo(first.header("X-Event-Position"));
    assertThat(events()).isEqualTo(events);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    ApiClient clinician = as("clinician.north").withHeader("Idempotency-Key", "open-reused");
    clinician.post("/api/v1/cases", Map.of("clinicId", north.toString(), "patientRef", "N-901", "openedOn", today));
    long events = events();
    Response other = clinician.post("/api/v1/cases",
        Map.of("clinicId", north.toString(), "patientRef", "N-902", "openedOn", today));
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(events()).isEqualTo(events);
  }

  @Test
  void aRefusedRequestLeavesTheKeyFreeForACorrectedRetry() {
    ApiClient clinician = as("clinician.north").withHeader("Idempotency-Key", "open-after-fix");
    Response invalid = clinician.post("/api/v1/cases",
        Map.of("clinicId", north.toString(), "patientRef", "N-903", "openedOn", LocalDate.now().plusDays(3).toString()));
    assertThat(invalid.status()).isEqualTo(400);
    Response corrected = clinician.post("/api/v1/cases",
        Map.of("clinicId", north.toString(), "patientRef", "N-903", "openedOn", today));
    assertThat(corrected.status()).isEqualTo(201);
  }

  @Test
  void keysBelongToTheirUser() {
    Map<String, String> north = Map.of("clinicId", this.north.toString(), "patientRef", "N-904", "openedOn", today);
    Map<String, String> south = Map.of("clinicId", this.south.toString(), "patientRef", "S-904", "openedOn", today);
    Response a = as("clinician.north").withHeader("Idempotency-Key", "shared-key").post("/api/v1/cases", north);
    Response b = as("clinician.south").withHeader("Idempotency-Key", "shared-key").post("/api/v1/cases", south);
    assertThat(a.status()).isEqualTo(201);
    assertThat(b.status()).isEqualTo(201);
    assertThat(b.body()).isNotEqualTo(a.body());
  }

  @Test
  void concurrentDuplicatesRecordOnce() throws Exception {
    ApiClient clinician = as("clinician.north");
    String caseId = clinician.post("/api/v1/cases",
        Map.of("clinicId", north.toString(), "patientRef", "N-905", "openedOn", today)).json().get("caseId").asString();
    ApiClient keyed = clinician.withHeader("Idempotency-Key", "injury-burst");
    Map<String, Object> injury = Map.of("bodyRegion", "KNEE", "side", "LEFT", "description", "ache",
        "onsetOn", today, "painScore", 3);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Response>> calls = IntStream.range(0, 6)
          .<Callable<Response>>mapToObj(i -> () -> keyed.post("/api/v1/cases/" + caseId + "/injuries", injury))
          .toList();
      List<Response> responses = pool.invokeAll(calls).stream().map(IdempotencyIT::result).toList();
      assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
      assertThat(responses.stream().map(Response::body).distinct()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%InjuryReported'",
        Integer.class, caseId)).isOne();
  }

  @Test
  void aMalformedKeyIsABadRequest() {
    Response response = as("clinician.north").withHeader("Idempotency-Key", "x".repeat(300))
        .post("/api/v1/cases", Map.of("clinicId", north.toString(), "patientRef", "N-906", "openedOn", today));
    assertThat(response.status()).isEqualTo(400);
  }

  private static Response result(Future<Response> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long events() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }
}
