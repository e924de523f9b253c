package com.kineticcasebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApplicationTest;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.TestDatabase;
import java.time.Duration;
import java.time.LocalDate;
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
    long first = awaitCheckpointCovering(auditor, 1);

    Thread.sleep(4000);
    assertThat(newest(auditor).get("number").asLong()).as("nothing changed, so no new checkpoint").isEqualTo(first);

    recorded.injury("CALF", "LEFT", "CALF_STRAIN", 1);
    long second = awaitCheckpointCovering(auditor, 2);
    assertThat(second).isEqualTo(first + 1);
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
