package com.kineticcasebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.projections.ProcessingGroups;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code X-Consistency: after=<position>} waits only for positions the event store has recorded:
 * a position beyond its head is refused at once, while a recorded one is still waited for, up to
 * the limit, until the projection reaches it.
 */
class ReadConsistencyIT extends PostgresApplicationTest {

  @Autowired private EventProcessingConfiguration processing;

  private ApiClient clinician;
  private final LocalDate day0 = LocalDate.now().minusDays(30);

  @BeforeEach
  void login() {
    clinician = as("clinician.north");
  }

  @AfterEach
  void projectionRuns() {
    StreamingEventProcessor views = caseViews();
    if (!views.isRunning()) {
      views.start();
    }
  }

  @Test
  void aPositionBeyondTheHeadIsRefusedAtOnce() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-7001", day0, 0);
    for (String position : List.of(String.valueOf(c.position() + 1_000_000), "999999999999999999")) {
      long started = System.nanoTime();
      Response response = clinician.withHeader("X-Consistency", "after=" + position).get("/api/v1/cases/" + c.caseId());
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().get("type").asString()).isEqualTo("urn:kinetic-casebook:problem:position-not-recorded");
      assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("X-Consistency");
      assertThat(took).as("answered without waiting (the wait would be 5 s)").isLessThan(Duration.ofMillis(2500));
    }
    Response dashboard = as("owner").withHeader("X-Consistency", "after=999999999999999999")
        .get("/api/v1/dashboards/outcomes?clinicId=" + north);
    assertThat(dashboard.status()).as("the dashboards refuse it the same way").isEqualTo(400);
  }

  @Test
  void malformedValuesAreRefused() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-7002", day0, 0);
    for (String header : List.of("soon", "after=", "after=-1", "after=1e9", "after=1234567890123456789",
        "before=1", "after=1,after=2")) {
      Response response = clinician.withHeader("X-Consistency", header).get("/api/v1/cases/" + c.caseId());
      assertThat(response.status()).as(header).isEqualTo(400);
      assertThat(response.json().get("type").asString()).as(header).isEqualTo("urn:kinetic-casebook:problem:validation");
    }
  }

  @Test
  void aJustWrittenPositionStillGivesReadYourWrites() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-7003", day0, 0);
    for (int i = 1; i <= 5; i++) {
      c.injury("KNEE", "LEFT", null, i);
      Response view = clinician.withHeader("X-Consistency", "after=" + c.position()).get("/api/v1/cases/" + c.caseId());
      assertThat(view.status()).as(view.body()).isEqualTo(200);
      assertThat(view.json().get("injuries").size()).as("the injury just reported is read back").isEqualTo(i);
    }
  }

  @Test
  void aRecordedPositionIsWaitedForUntilTheProjectionReachesIt() throws Exception {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-7004", day0, 0);
    caseViews().shutDown();
    c.injury("CALF", "RIGHT", "CALF_STRAIN", 1);

    // The clock starts before the restart is scheduled: a pause in between cannot shorten the wait measured.
    long started = System.nanoTime();
    CompletableFuture<Void> restart = CompletableFuture.runAsync(caseViews()::start,
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    Response view = clinician.withHeader("X-Consistency", "after=" + c.position()).get("/api/v1/cases/" + c.caseId());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    restart.get(10, TimeUnit.SECONDS);

    assertThat(view.status()).as(view.body()).isEqualTo(200);
    assertThat(view.json().get("injuries").size()).isEqualTo(1);
    assertThat(took).as("the read waited for the projection").isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void aRecordedPositionTheProjectionDoesNotReachInTimeEndsIn503() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-7005", day0, 0);
    caseViews().shutDown();
    c.injury("CALF", "RIGHT", null, 1);

    Response view = clinician.withHeader("X-Consistency", "after=" + c.position()).get("/api/v1/cases/" + c.caseId());

    assertThat(view.status()).as(view.body()).isEqualTo(503);
    assertThat(view.json().get("type").asString()).isEqualTo("urn:kinetic-casebook:problem:not-yet-consistent");
  }

  private StreamingEventProcessor caseViews() {
    return processing.eventProcessor(ProcessingGroups.CASE_VIEWS, StreamingEventProcessor.class).orElseThrow();
  }
}
