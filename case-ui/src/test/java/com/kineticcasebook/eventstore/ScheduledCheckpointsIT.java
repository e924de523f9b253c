package com.kineticcasebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApplicationTest;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.TestDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Checkpoints are made on schedule, and only when the store changed since the last one. */
class ScheduledCheckpointsIT extends ApplicationTest {

  private static final TestDatabase DATABASE = TestDatabase.create();

  @DynamicPropertySource
  static void aDatabaseOfItsOwnAndAShortInterval(DynamicPropertyRegistry registry) {
    useDatabase(registry, DATABASE);
    registry.add("casebook.checkpoints.interval", () -> "PT1S");
  }

  @Test
  void aCheckpointFollowsEachChangeAndNoneIsMadeWhileNothingChanges() throws Exception {
    ApiClient auditor = as("auditor");
    CaseScript recorded = CaseScript.open(as("clinician.north"), north.toString(), "N-8101",
        LocalDate.now().minusDays(4), 0);
    long first = awaitCheckpointCovering(auditor, storedEvents());

    Thread.sleep(4000);
    assertThat(newest(auditor).get("number").asLong()).as("nothing changed, so no new checkpoint").isEqualTo(first);

    recorded.injury("CALF", "LEFT", "CALF_STRAIN", 1);
    long second = awaitCheckpointCovering(auditor, storedEvents());
    assertThat(second).isEqualTo(first + 1);
  }

  @Test
  void checkpointsAskedForAtOnceAreMadeOneAfterTheOther() throws Exception {
    ApiClient auditor = as("auditor");
    CaseScript.open(as("clinician.north"), north.toString(), "N-8102", LocalDate.now().minusDays(4), 0);
    List<Callable<ApiClient.Response>> requests = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      requests.add(() -> auditor.post("/api/v1/audit/checkpoints", Map.of()));
    }
    ExecutorService threads = Executors.newFixedThreadPool(requests.size());
    try {
      Set<Long> numbers = new HashSet<>();
      for (Future<ApiClient.Response> answer : threads.invokeAll(requests)) {
        ApiClient.Response response = answer.get();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        numbers.add(response.json().get("number").asLong());
      }
      // Without the lock row two of them would take the same number and one would fail.
      assertThat(numbers).hasSize(requests.size());
    } finally {
      threads.shutdown();
    }
  }

  private long storedEvents() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }

  private static long awaitCheckpointCovering(ApiClient auditor, long events) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      var newest = newest(auditor);
      if (newest != null && newest.get("events").asLong() == events) {
        return newest.get("number").asLong();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no checkpoint of " + events + " events within 30 seconds");
  }

  private static JsonNode newest(ApiClient auditor) {
    var checkpoints = auditor.get("/api/v1/audit/checkpoints").json().get("checkpoints");
    return checkpoints.isEmpty() ? null : checkpoints.get(0);
  }
}
