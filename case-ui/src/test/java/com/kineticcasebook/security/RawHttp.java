package com.kineticcasebook.security;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection. A hostile client is not bound by
 * what {@link java.net.http.HttpClient} allows: it sends paths that are not valid URIs, lying or
 * duplicated {@code Content-Length} headers, raw non-ASCII header bytes and chunked bodies.
 */
final class RawHttp {

  /** How the body is framed on the wire. */
  enum Framing {
    /** {@code Content-Length} with the body's exact size. */
    LENGTH,
    /** {@code Transfer-Encoding: chunked}, in chunks of 8 KiB. */
    CHUNKED,
    /** No framing header at all: the caller's own headers frame the body (or lie about it). */
    CALLER
  }

  /** One request as sent: the request line's target is used verbatim; {@code Host} is 127.0.0.1 unless given. */
  record Request(String method, String target, List<String[]> headers, byte[] body, Framing framing) {

    Request {
      headers = List.copyOf(headers);
    }

    String header(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    byte[] toBytes() {
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      if (header("Host") == null) {
        head.append("Host: 127.0.0.1\r\n");
      }
      head.append("Connection: close\r\n");
      for (String[] header : headers) {
        head.append(header[0]).append(": ").append(header[1]).append("\r\n");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
      switch (framing) {
        case LENGTH -> head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        case CHUNKED -> head.append("Transfer-Encoding: chunked\r\n\r\n");
        case CALLER -> head.append("\r\n");
      }
      // ISO-8859-1 keeps every char below 256 as exactly that byte, so raw non-ASCII bytes reach the server.
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (framing == Framing.CHUNKED) {
        for (int from = 0; from < body.length; from += 8192) {
          int length = Math.min(8192, body.length - from);
          out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(body, from, length);
          out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        out.writeBytes(body);
      }
      return out.toByteArray();
    }
  }

  /** A response: status, headers (names lower-cased, first value) and the de-chunked body. */
  record Reply(int status, Map<String, String> headers, byte[] body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private RawHttp() {}

  static Reply exchange(int port, Request request) throws IOException {
    byte[] bytes = request.toBytes();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      IOException writeFailure = null;
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        // The server may answer (413, 400) and close before it has read everything; read that answer.
        writeFailure = e;
      }
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String statusLine;
      try {
        statusLine = readLine(in);
      } catch (IOException e) {
        if (writeFailure != null) {
          e.addSuppressed(writeFailure);
        }
        throw e;
      }
      if (statusLine == null) {
        throw new EOFException("connection closed without a response"
            + (writeFailure == null ? "" : " (write failed: " + writeFailure + ")"));
      }
      String[] parts = statusLine.split(" ", 3);
      int status = Integer.parseInt(parts[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line; (line = readLine(in)) != null && !line.isEmpty(); ) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
      }
      byte[] body;
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = readChunked(in);
      } else if (headers.containsKey("content-length")) {
        body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
      } else {
        body = in.readAllBytes();
      }
      return new Reply(status, headers, body);
    }
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null || sizeLine.isBlank()) {
        // the server closed without the last chunk (e.g. it refused to swallow a huge body): keep what came
        return body.toByteArray();
      }
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        for (String trailer; (trailer = readLine(in)) != null && !trailer.isEmpty(); ) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      body.writeBytes(in.readNBytes(size));
      readLine(in);
    }
  }

  /** A CRLF-terminated line as ISO-8859-1, or null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
