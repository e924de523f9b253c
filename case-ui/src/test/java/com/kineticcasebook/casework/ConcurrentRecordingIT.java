package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two clinicians record on the same case at the same moment, many times over: every request is
 * either recorded (201) or refused with a clear 409, nothing acknowledged is lost, and the case's
 * sequence stays gap-free.
 */
class ConcurrentRecordingIT extends PostgresApplicationTest {

  @Autowired private UserDirectory users;
  @Autowired private PasswordEncoder passwordEncoder;

  @Test
  void simultaneousRecordingsOnOneCaseLoseNothingAndKeepTheSequence() throws Exception {
    String colleague = "clinician.north." + UUID.randomUUID().toString().substring(0, 6);
    users.addMember(users.createUser(colleague, passwordEncoder.encode(PASSWORD), Set.of(Role.CLINICIAN)), north);
    ApiClient first = as("clinician.north");
    ApiClient second = as(colleague);
    CaseScript recorded = CaseScript.open(first, north.toString(), "N-8001", LocalDate.now().minusDays(10), 0);
    String knee = recorded.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 1);

    int perClinician = 40;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Response>> responses = new ArrayList<>();
    try {
      for (int i = 0; i < perClinician * 2; i++) {
        ApiClient client = i % 2 == 0 ? first : second;
        int score = i % 11;
        Callable<Response> call = () -> {
          start.await();
          return client.post("/api/v1/cases/" + recorded.caseId() + "/outcome-measures", Map.of("injuryId", knee,
              "instrument", "NPRS", "score", score, "measuredOn", LocalDate.now().toString()));
        };
        responses.add(pool.submit(call));
      }
      start.countDown();
      int accepted = 0;
      for (Future<Response> future : responses) {
        Response response = future.get();
        assertThat(response.status()).as(response.body()).isIn(201, 409);
        if (response.status() == 409) {
          assertThat(response.json().get("detail").asString()).contains("same moment");
        } else {
          accepted++;
        }
      }
      List<Long> sequence = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry "
          + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, recorded.caseId());
      assertThat(sequence).hasSize(2 + accepted);
      for (int i = 0; i < sequence.size(); i++) {
        assertThat(sequence.get(i)).isEqualTo(i);
      }
      assertThat(accepted).as("one node serialises commands per case, so none needs refusing").isEqualTo(80);
      var verification = as("auditor").get("/api/v1/audit/cases/" + recorded.caseId() + "/verification").json();
      assertThat(verification.get("intact").asBoolean()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }
}
