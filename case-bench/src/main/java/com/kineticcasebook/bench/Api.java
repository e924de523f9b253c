package com.kineticcasebook.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One signed-in client of the JSON API: it signs in once and sends its bearer token after that. */
final class Api {

  /** An answer, with how long it took from sending the request to reading the whole body. */
  record Answer(int status, String body, long nanos) {

    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final String base;
  private final String token;

  private Api(HttpClient http, String base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  static Api signIn(String base, String username, String password) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    Answer answer = new Api(http, base, null).post("/api/v1/auth/tokens",
        Map.of("username", username, "password", password));
    if (answer.status() != 201) {
      throw new IllegalStateException(username + " could not sign in: " + answer.status());
    }
    return new Api(http, base, answer.json().get("token").asString());
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  Answer post(String path, Object body) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    long started = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), System.nanoTime() - started);
  }
}
