package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.PostgresApplicationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Every authenticated user reads the same reference data; anonymous callers read none. */
class ReferenceDataIT extends PostgresApplicationTest {

  @ParameterizedTest
  @ValueSource(strings = {"clinician.north", "owner", "auditor", "admin"})
  void everyRoleReadsTheCatalogue(String username) {
    ApiClient user = as(username);
    Response conditions = user.get("/api/v1/reference/conditions");
    assertThat(conditions.status()).isEqualTo(200);
    assertThat(conditions.json().size()).isGreaterThanOrEqualTo(25);
    JsonNode plantar = conditions.json().valueStream()
        .filter(c -> c.get("code").asString().equals("PLANTAR_FASCIITIS")).findFirst().orElseThrow();
    assertThat(plantar.get("bodyRegion").asString()).isEqualTo("HEEL");
    assertThat(plantar.get("icd10").asString()).isEqualTo("M72.2");
    assertThat(plantar.get("snomed").asString()).isEqualTo("202882003");
    assertThat(plantar.has("label")).isTrue();

    assertThat(user.get("/api/v1/reference/body-regions").json().get(0).get("code").asString()).isEqualTo("LOW_BACK");
    assertThat(user.get("/api/v1/reference/sides").json().size()).isEqualTo(4);
    assertThat(user.get("/api/v1/reference/treatment-modalities").json().size()).isGreaterThan(5);
    JsonNode visa = user.get("/api/v1/reference/outcome-instruments").json().valueStream()
        .filter(i -> i.get("instrument").asString().equals("VISA_A")).findFirst().orElseThrow();
    assertThat(visa.get("min").asInt()).isZero();
    assertThat(visa.get("max").asInt()).isEqualTo(100);
    assertThat(visa.get("mcid").asInt()).isEqualTo(14);
    assertThat(visa.get("higherIsBetter").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"body-regions", "sides", "conditions", "treatment-modalities", "outcome-instruments"})
  void anonymousCallersAreUnauthenticated(String list) {
    assertThat(anonymous().get("/api/v1/reference/" + list).status()).isEqualTo(401);
  }
}
