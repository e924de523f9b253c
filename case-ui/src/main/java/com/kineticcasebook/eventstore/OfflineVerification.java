package com.kineticcasebook.eventstore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar case-ui.jar verify --db-url=... --checkpoints=DIR --public-key=FILE}: verifies a
 * database (a restored dump, or the live one read-only) against the checkpoint files and the public
 * key, without starting the application. Exit status 0 when intact, 1 when not, 2 when it could not
 * verify at all. The database password comes from {@code --db-password} or {@code PGPASSWORD}.
 */
public final class OfflineVerification {

  private OfflineVerification() {}

  public static int run(String[] args, PrintStream out) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        return usage(out, "Unknown argument " + arg);
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    for (String required : List.of("db-url", "checkpoints", "public-key")) {
      if (!options.containsKey(required)) {
        return usage(out, "Missing --" + required);
      }
    }
    String password = options.getOrDefault("db-password", System.getenv().getOrDefault("PGPASSWORD", ""));
    try {
      PublicKey key = CheckpointKey.readPublicKey(Path.of(options.get("public-key")));
      Path directory = Path.of(options.get("checkpoints"));
      List<CheckpointFiles.Read> files = CheckpointFiles.all(directory, key);
      long refused = files.stream().filter(CheckpointFiles.Read::refused).count();
      files.stream().filter(CheckpointFiles.Read::refused).forEach(read -> out.println(read.refusal()));
      out.println("Checkpoint files: " + files.size() + ", refused: " + refused);
      Optional<CheckpointFiles.Read> latest = files.isEmpty() ? Optional.empty() : Optional.of(files.get(files.size() - 1));
      StoreIntegrity.Evidence evidence = StoreIntegrity.Evidence.of(latest);
      StoreIntegrity.StoreVerification verification;
      try (Connection connection = DriverManager.getConnection(options.get("db-url"),
          options.getOrDefault("db-user", null), password)) {
        connection.setReadOnly(true);
        connection.setAutoCommit(false);
        verification = StoreIntegrity.verifyStore(connection, evidence);
        connection.rollback();
      }
      if (evidence.checkpoint() != null) {
        out.println("Latest checkpoint: " + evidence.summary().number() + " of " + evidence.summary().createdAt()
            + ", " + evidence.summary().events() + " events in " + evidence.summary().cases() + " cases");
      } else if (evidence.refusal() == null) {
        out.println("No checkpoint yet: only the per-case hash chains are checked.");
      }
      out.println("Cases: " + verification.cases() + ", events: " + verification.events());
      boolean intact = verification.intact() && refused == 0;
      if (verification.intact()) {
        out.println(intact ? "INTACT" : "NOT INTACT: a checkpoint file is refused");
      } else {
        out.println("NOT INTACT: " + verification.reason() + ", " + verification.affectedCases() + " affected case(s); "
            + "first: case " + verification.firstAffectedCaseId() + ", event " + verification.firstBrokenEventId());
        out.println(verification.detail());
      }
      return intact ? 0 : 1;
    } catch (Exception e) {
      out.println("Could not verify: " + e.getMessage());
      return 2;
    }
  }

  private static int usage(PrintStream out, String problem) {
    out.println(problem);
    out.println("Usage: java -jar case-ui.jar verify --db-url=jdbc:postgresql://HOST:5432/DB [--db-user=USER] "
        + "[--db-password=PASSWORD] --checkpoints=DIR --public-key=FILE");
    return 2;
  }
}
