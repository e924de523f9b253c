package com.kineticcasebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description and the Prometheus metrics are for administrators; the description is
 * generated from the code and docs/openapi.json must stay the same as what the code serves.
 */
class OperationsEndpointsIT extends PostgresApplicationTest {

  private static final Path DOCUMENTED = Path.of("..", "docs", "openapi.json");

  @Test
  void onlyAdministratorsReadTheApiDescriptionAndTheMetrics() {
    for (String path : List.of("/v3/api-docs", "/actuator/prometheus")) {
      assertThat(anonymous().get(path).status()).as(path).isEqualTo(401);
      for (String user : List.of("clinician.north", "owner", "auditor")) {
        assertThat(as(user).get(path).status()).as(path + " as " + user).isEqualTo(403);
      }
      assertThat(as("admin").get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(as("admin").get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void theDocumentedApiDescriptionIsTheOneTheCodeServes() throws Exception {
    Response served = as("admin").get("/v3/api-docs");
    JsonNode live = served.json();
    Files.writeString(Path.of("target", "openapi.json"),
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(live));
    assertThat(live.get("paths").has("/api/v1/cases/{caseId}/injuries")).isTrue();
    assertThat(Files.exists(DOCUMENTED)).as("docs/openapi.json exists; copy target/openapi.json there").isTrue();
    JsonNode documented = JsonMapper.builder().build().readTree(Files.readString(DOCUMENTED));
    assertThat(operations(documented)).as("docs/openapi.json is out of date: copy case-ui/target/openapi.json")
        .isEqualTo(operations(live));
  }

  private static Set<String> operations(JsonNode description) {
    Set<String> operations = new TreeSet<>();
    description.get("paths").properties().forEach(path ->
        path.getValue().properties().forEach(method -> operations.add(method.getKey() + " " + path.getKey())));
    return operations;
  }
}
