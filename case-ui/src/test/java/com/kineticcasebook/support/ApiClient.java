package com.kineticcasebook.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the JSON API, as an integration or a script would call it. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;
  private final String token;
  private final Map<String, String> headers;

  private ApiClient(String baseUrl, String token, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.headers = headers;
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient("http://127.0.0.1:" + port, null, Map.of());
  }

  /** Logs in through {@code POST /api/v1/auth/tokens}. */
  public static ApiClient login(int port, String username, String password) {
    ApiClient anonymous = anonymous(port);
    Response response = anonymous.post("/api/v1/auth/tokens", Map.of("username", username, "password", password));
    if (response.status() != 201) {
      throw new IllegalStateException("login of " + username + " failed: " + response);
    }
    return anonymous.withToken(response.json().get("token").asString());
  }

  public ApiClient withToken(String newToken) {
    return new ApiClient(baseUrl, newToken, headers);
  }

  /** The same user and headers against another node. */
  public ApiClient withPort(int port) {
    return new ApiClient("http://127.0.0.1:" + port, token, headers);
  }

  public ApiClient withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiClient(baseUrl, token, more);
  }

  public String token() {
    return token;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response post(String path, Object body) {
    return postRaw(path, body instanceof String raw ? raw : JSON.writeValueAsString(body));
  }

  public Response postRaw(String path, String body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response post(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response put(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its parsed JSON body. */
  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }
}
