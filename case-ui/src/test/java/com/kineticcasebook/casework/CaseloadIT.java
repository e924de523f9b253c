package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The caseload through the API and the page: search by region, side, condition and reference,
 * each column sorted both ways, My cases, last activity, and who sees what. The cases are those of
 * a clinic of the test's own, with two clinicians: the signed-in one and a colleague.
 */
class CaseloadIT extends PostgresApplicationTest {

  @Autowired private UserDirectory users;
  @Autowired private PasswordEncoder passwordEncoder;

  private static UUID clinic;
  private static String me;
  private static Map<String, String> cases;
  private static long position;
  private static Instant before;
  private static Instant after;

  private ApiClient api;

  @BeforeEach
  void aClinicOfFourCases() {
    if (clinic == null) {
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      clinic = users.createClinic("Caseload " + suffix).clinicId();
      me = "caseload.me." + suffix;
      String colleague = "caseload.colleague." + suffix;
      for (String username : List.of(me, colleague)) {
        UUID id = users.createUser(username, passwordEncoder.encode(PASSWORD), Set.of(Role.CLINICIAN));
        users.addMember(id, clinic);
      }
      ApiClient mine = as(me);
      ApiClient theirs = as(colleague);
      LocalDate day0 = LocalDate.now().minusDays(30);
      before = Instant.now();
      // Opened on days 3, 0, 1 and 2; recorded in the order, q-400, R-300.
      CaseScript q100 = CaseScript.open(mine, clinic.toString(), "Q-100", day0, 3);
      q100.injury("CALF", "LEFT", "CALF_STRAIN", 2);
      CaseScript q200 = CaseScript.open(theirs, clinic.toString(), "Q-200", day0, 0);
      q200.injury("CALF", "RIGHT", "CALF_STRAIN", 0);
      CaseScript q400 = CaseScript.open(theirs, clinic.toString(), "q-400", day0, 2);
      q400.injury("HIP", "RIGHT", null, 1);
      q400.close(4);
      CaseScript r300 = CaseScript.open(theirs, clinic.toString(), "R-300", day0, 1);
      r300.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 1);
      CaseScript recordedByMe = r300.by(mine);
      recordedByMe.injury("ACHILLES", "LEFT", "ACHILLES_TENDINOPATHY", 1);
      after = Instant.now();
      cases = Map.of("Q-100", q100.caseId(), "Q-200", q200.caseId(), "q-400", q400.caseId(), "R-300",
          r300.caseId());
      position = Math.max(Math.max(q100.position(), q200.position()),
          Math.max(q400.position(), recordedByMe.position()));
    }
    api = as(me);
  }

  @Test
  void regionAndSideWordsFindTheCasesWhoseInjuriesTheyName() {
    assertThat(refs("q=knee")).containsExactly("R-300");
    assertThat(refs("q=Knee")).containsExactly("R-300");
    assertThat(refs("q=calf")).containsExactlyInAnyOrder("Q-100", "Q-200");
    assertThat(refs("q=" + encode("left calf"))).containsExactly("Q-100");
    assertThat(refs("q=" + encode("right calf"))).containsExactly("Q-200");
    assertThat(refs("q=achilles")).containsExactly("R-300");
    assertThat(refs("q=" + encode("right hip"))).containsExactly("q-400");
    assertThat(refs("q=" + encode("left hip"))).isEmpty();
    assertThat(refs("q=left")).containsExactlyInAnyOrder("Q-100", "R-300");
  }

  @Test
  void conditionsAndTheStartOfTheReferenceFindCasesToo() {
    assertThat(refs("q=patellofemoral")).containsExactly("R-300");
    assertThat(refs("q=" + encode("calf strain"))).containsExactlyInAnyOrder("Q-100", "Q-200");
    assertThat(refs("q=plantar")).isEmpty();
    assertThat(refs("q=q-")).containsExactlyInAnyOrder("Q-100", "Q-200", "q-400");
    assertThat(refs("q=Q-1")).containsExactly("Q-100");
    assertThat(refs("q=-100")).as("the reference matches from its start").isEmpty();
    assertThat(refs("q=" + encode("Q- right"))).containsExactlyInAnyOrder("Q-200", "q-400");
    assertThat(refs("q=" + encode("R-3 knee"))).containsExactly("R-300");
    assertThat(refs("q=" + encode("R-3 calf"))).isEmpty();
  }

  @Test
  void eachColumnSortsBothWaysWithTheCaseIdBreakingTies() {
    assertThat(refs("sort=patientRef&order=asc")).containsExactly("Q-100", "Q-200", "q-400", "R-300");
    assertThat(refs("sort=patientRef&order=desc")).containsExactly("R-300", "q-400", "Q-200", "Q-100");
    assertThat(refs("sort=openedOn&order=asc")).containsExactly("Q-200", "R-300", "q-400", "Q-100");
    assertThat(refs("sort=openedOn&order=desc")).containsExactly("Q-100", "q-400", "R-300", "Q-200");
    assertThat(refs("sort=openedOn")).as("dates read newest first").containsExactly("Q-100", "q-400", "R-300", "Q-200");
    assertThat(refs("sort=lastActivityAt&order=asc")).containsExactly("Q-100", "Q-200", "q-400", "R-300");
    assertThat(refs("sort=lastActivityAt&order=desc")).containsExactly("R-300", "q-400", "Q-200", "Q-100");
    // PostgreSQL orders uuids by their bytes, as their lower-case text sorts (not as UUID.compareTo, signed).
    List<String> openByCaseId = List.of("Q-100", "Q-200", "R-300").stream()
        .sorted(Comparator.comparing(ref -> cases.get(ref).toLowerCase(java.util.Locale.ROOT))).toList();
    List<String> ascending = refs("sort=status&order=asc");
    assertThat(ascending.subList(0, 3)).isEqualTo(openByCaseId);
    assertThat(ascending.get(3)).isEqualTo("q-400");
    List<String> descending = refs("sort=status&order=desc");
    assertThat(descending.get(0)).isEqualTo("q-400");
    assertThat(descending.subList(1, 4)).as("ties stay in case id order").isEqualTo(openByCaseId);
    assertThat(refs("sort=patientRef&order=asc&size=2&page=1")).containsExactly("q-400", "R-300");
  }

  @Test
  void myCasesAreThoseIAmAssignedToOrHaveRecordedOn() {
    assertThat(refs("mine=true")).containsExactlyInAnyOrder("Q-100", "R-300");
    assertThat(refs("mine=true&q=calf")).containsExactly("Q-100");
    assertThat(refs("mine=false")).hasSize(4);
  }

  @Test
  void eachItemCarriesWhenItsLatestEntryWasRecorded() {
    JsonNode item = items("q=R-300").get(0);
    Instant lastActivity = Instant.parse(item.get("lastActivityAt").asString());
    assertThat(lastActivity).isBetween(before.truncatedTo(ChronoUnit.MILLIS), after);
    JsonNode timeline = api.withHeader("X-Consistency", "after=" + position)
        .get("/api/v1/cases/" + cases.get("R-300") + "/timeline").json().get("entries");
    Instant latest = StreamSupport.stream(timeline.spliterator(), false)
        .map(entry -> Instant.parse(entry.get("recordedAt").asString())).max(Comparator.naturalOrder()).orElseThrow();
    assertThat(lastActivity.truncatedTo(ChronoUnit.MILLIS)).isEqualTo(latest.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void anUnknownSortOrOrderIsAProblemNamingTheParameter() {
    for (String[] bad : List.of(new String[] {"sort=name", "sort"}, new String[] {"sort=patient_ref", "sort"},
        new String[] {"sort=openedOn&order=up", "order"}, new String[] {"order=ASC", "order"})) {
      Response response = api.get("/api/v1/cases?clinicId=" + clinic + "&" + bad[0]);
      assertThat(response.status()).as(bad[0]).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(bad[1]);
    }
  }

  @Test
  void cliniciansSeeOnlyTheCasesOfTheirClinics() {
    ApiClient south = as("clinician.south");
    assertThat(south.get("/api/v1/cases?clinicId=" + clinic + "&q=knee").status()).isEqualTo(403);
    assertThat(south.get("/api/v1/cases?clinicId=" + clinic + "&mine=true").status()).isEqualTo(403);
    for (ApiClient other : List.of(south, as("clinician.north"))) {
      JsonNode found = other.withHeader("X-Consistency", "after=" + position).get("/api/v1/cases?q=Q-&size=200").json();
      assertThat(StreamSupport.stream(found.get("items").spliterator(), false)
          .map(i -> i.get("caseId").asString())).doesNotContainAnyElementsOf(cases.values());
    }
    assertThat(as("owner").get("/api/v1/cases?q=knee").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/v1/cases?q=knee").status()).isEqualTo(401);
  }

  @Test
  void thePageSearchesSortsAndShowsMyCasesAndLastActivity() {
    api.withHeader("X-Consistency", "after=" + position).get("/api/v1/cases");
    WebSession page = WebSession.signIn(port, me, PASSWORD);

    String leftCalf = page.get("/cases?q=" + encode("left calf")).body();
    assertThat(leftCalf).contains("Q-100").doesNotContain("Q-200").doesNotContain("R-300");
    String knee = page.get("/cases?q=knee").body();
    assertThat(knee).contains("R-300").doesNotContain("Q-100");

    String sorted = page.get("/cases?q=q-&sort=patientRef&order=desc").body();
    assertThat(sorted.indexOf("q-400")).isLessThan(sorted.indexOf("Q-200"));
    assertThat(sorted.indexOf("Q-200")).isLessThan(sorted.indexOf("Q-100"));
    assertThat(sorted).containsPattern("<th[^>]*aria-sort=\"descending\"[^>]*>\\s*<a[^>]*data-sort=\"patientRef\"");
    assertThat(sorted).as("only the sorted column has aria-sort").containsOnlyOnce("aria-sort=");
    assertThat(sorted).as("a header's link keeps the search and flips the order")
        .contains("href=\"/cases?q=q-&amp;status=&amp;clinic=&amp;mine=&amp;sort=patientRef&amp;order=asc\"");
    assertThat(sorted).contains("sort=openedOn&amp;order=desc\"");

    String mine = page.get("/cases?mine=true").body();
    assertThat(mine).contains("Q-100", "R-300").doesNotContain("Q-200").doesNotContain("q-400");
    assertThat(mine).containsPattern("<input type=\"checkbox\" id=\"mine\" name=\"mine\" value=\"true\" checked");

    assertThat(page.get("/cases?q=R-300").body()).containsPattern("<time datetime=\"[^\"]+Z\">today \\d\\d:\\d\\d</time>");

    String unknown = page.get("/cases?sort=nonsense&order=sideways").body();
    assertThat(unknown).as("the page falls back to its usual order").contains("Q-100");
  }

  private List<String> refs(String query) {
    return StreamSupport.stream(items(query).spliterator(), false).map(i -> i.get("patientRef").asString()).toList();
  }

  private JsonNode items(String query) {
    Response response = api.withHeader("X-Consistency", "after=" + position)
        .get("/api/v1/cases?clinicId=" + clinic + "&" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("items");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
