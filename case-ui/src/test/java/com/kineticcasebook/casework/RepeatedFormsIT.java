package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The case page's forms sent more than once over real HTTP: copies of one rendered form arriving
 * at the same moment, copies from different renderings (the browser's Back), and a key sent again
 * with other values. Each entry is recorded once, and a copy goes to the case page.
 */
class RepeatedFormsIT extends PostgresApplicationTest {

  @Test
  void copiesOfOneRenderedFormArrivingTogetherRecordOnce() throws Exception {
    CaseScript script = openCase();
    WebSession session = WebSession.signIn(port, "clinician.north", PASSWORD);
    session.get("/cases/" + script.caseId());
    Map<String, String> form = measure(script, "4", UUID.randomUUID().toString());

    List<Response> responses = together(8, () -> session.postForm(path(script), form));

    assertThat(responses).allSatisfy(response -> {
      assertThat(response.status()).isEqualTo(302);
      assertThat(response.header("Location")).endsWith("/cases/" + script.caseId());
    });
    assertThat(events(script)).isEqualTo(3);
  }

  @Test
  void theSameEntryFromFreshRenderingsRecordsOnceWithinTheWindow() throws Exception {
    CaseScript script = openCase();
    WebSession session = WebSession.signIn(port, "clinician.north", PASSWORD);
    session.get("/cases/" + script.caseId());

    List<Response> responses = together(4,
        () -> session.postForm(path(script), measure(script, "5", UUID.randomUUID().toString())));
    assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(302));
    assertThat(events(script)).isEqualTo(3);

    Response withoutKey = session.postForm(path(script), measure(script, "5", null));
    assertThat(withoutKey.status()).isEqualTo(302);
    assertThat(session.get("/cases/" + script.caseId()).body()).contains(CasePages.ALREADY_RECORDED);
    assertThat(events(script)).isEqualTo(3);

    Response another = session.postForm(path(script), measure(script, "6", null));
    assertThat(another.status()).isEqualTo(302);
    assertThat(session.get("/cases/" + script.caseId()).body()).contains("Outcome measure recorded.");
    assertThat(events(script)).as("another score is another entry").isEqualTo(4);
  }

  @Test
  void aKeySentAgainWithOtherValuesRecordsNothingAndSaysSo() {
    CaseScript script = openCase();
    WebSession session = WebSession.signIn(port, "clinician.north", PASSWORD);
    session.get("/cases/" + script.caseId());
    String key = UUID.randomUUID().toString();
    assertThat(session.postForm(path(script), measure(script, "3", key)).status()).isEqualTo(302);
    assertThat(session.get("/cases/" + script.caseId()).body()).contains("Outcome measure recorded.");
    assertThat(events(script)).isEqualTo(3);

    Response other = session.postForm(path(script), measure(script, "7", key));

    assertThat(other.status()).isEqualTo(302);
    assertThat(other.header("Location")).endsWith("/cases/" + script.caseId() + "#measure-errors");
    String page = session.get("/cases/" + script.caseId()).body();
    assertThat(page).contains("This form was already sent with other values, so nothing was recorded.");
    assertThat(page).contains("id=\"measure-errors\"");
    assertThat(events(script)).isEqualTo(3);
  }

  private final Map<String, String> injuries = new ConcurrentHashMap<>();

  private CaseScript openCase() {
    CaseScript script = CaseScript.open(as("clinician.north"), north.toString(),
        "N-" + ThreadLocalRandom.current().nextInt(70_000_000, 79_999_999), LocalDate.now().minusDays(5), 0);
    injuries.put(script.caseId(), script.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 1));
    return script;
  }

  private Map<String, String> measure(CaseScript script, String score, String key) {
    Map<String, String> form = new LinkedHashMap<>(Map.of("injuryId", injuries.get(script.caseId()), "instrument", "NPRS",
        "score", score, "measuredOn", LocalDate.now().toString()));
    if (key != null) {
      form.put(CaseRecorder.KEY_PARAMETER, key);
    }
    return form;
  }

  private static String path(CaseScript script) {
    return "/cases/" + script.caseId() + "/outcome-measures";
  }

  private long events(CaseScript script) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
        Long.class, script.caseId());
  }

  private static List<Response> together(int copies, Callable<Response> send) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(copies);
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return send.call();
        }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> future : futures) {
        responses.add(future.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
