package com.kineticcasebook.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A browser-like HTTP client for the web pages: a session cookie, the CSRF token of the last page
 * read, form posts, and redirects left unfollowed so that tests see them.
 */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern CSRF_ON_BODY = Pattern.compile("data-csrf-token=\"([^\"]+)\"");

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private String csrfToken;

  private WebSession(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  public static WebSession anonymous(int port) {
    return new WebSession(port);
  }

  /** Signs in through the login form, as a browser does. */
  public static WebSession signIn(int port, String username, String password) {
    WebSession session = new WebSession(port);
    session.get("/login");
    ApiClient.Response login = session.postForm("/login", Map.of("username", username, "password", password));
    String location = login.header("Location");
    if (login.status() != 302 || location == null || location.contains("error")) {
      throw new IllegalStateException("sign-in of " + username + " failed: " + login.status());
    }
    return session;
  }

  public ApiClient.Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
  }

  /**
   * Posts a form with the CSRF token of the last page read (a page is read first if there was
   * none), as the page's own form would.
   */
  public ApiClient.Response postForm(String path, Map<String, String> fields) {
    if (csrfToken == null) {
      get("/login");
    }
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.putIfAbsent("_csrf", csrfToken);
    return postFormWithoutToken(path, withToken);
  }

  /**
   * Posts a multipart form with one file, and the CSRF token of the last page read as a part of its
   * own, as a browser posts an upload form.
   */
  public ApiClient.Response postFile(String path, String field, String filename, String contentType, byte[] content) {
    if (csrfToken == null) {
      get("/login");
    }
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("_csrf", csrfToken);
    HttpHeaders fileHeaders = new HttpHeaders();
    fileHeaders.setContentType(MediaType.parseMediaType(contentType));
    fileHeaders.setContentDispositionFormData(field, filename);
    parts.add(field, new HttpEntity<>(content, fileHeaders));
    MockHttpOutputMessage body = new MockHttpOutputMessage();
    try {
      new FormHttpMessageConverter().write(parts, MediaType.MULTIPART_FORM_DATA, body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "text/html")
        .header("Content-Type", body.getHeaders().getContentType().toString())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBodyAsBytes())));
  }

  /** Posts a form exactly as given, without adding a CSRF token. */
  public ApiClient.Response postFormWithoutToken(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private ApiClient.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      rememberCsrfToken(response.body());
      return new ApiClient.Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void rememberCsrfToken(String body) {
    if (body == null) {
      return;
    }
    Matcher field = CSRF.matcher(body);
    Matcher onBody = CSRF_ON_BODY.matcher(body);
    if (field.find()) {
      csrfToken = field.group(1);
    } else if (onBody.find()) {
      csrfToken = onBody.group(1);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
