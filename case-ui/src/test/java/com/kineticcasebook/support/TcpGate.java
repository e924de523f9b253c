package com.kineticcasebook.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the application and PostgreSQL that a test can cut and restore, to show
 * what the application does while its database is unreachable. Loopback only.
 */
public final class TcpGate implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean passing = true;

  public TcpGate(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "tcp-gate");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Drops every open connection and refuses new ones, as a stopped server would. */
  public void cut() {
    passing = false;
    open.forEach(TcpGate::closeQuietly);
    open.clear();
  }

  public void restore() {
    passing = true;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (!passing) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        // The gate is closing, or one connection failed; keep accepting.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int read; (read = in.read(buffer)) != -1; ) {
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException closed) {
        // One side closed or was cut.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-gate-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    cut();
    closeQuietly(server);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Already closed.
    }
  }
}
