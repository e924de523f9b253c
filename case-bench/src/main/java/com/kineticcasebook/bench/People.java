package com.kineticcasebook.bench;

import com.kineticcasebook.generator.CaseGenerator.Clinician;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The benchmark's clinic and users, written straight into the identity tables: one clinic with
 * {@value #CLINICIANS} clinicians (one per concurrent client), its owner and an auditor. The
 * administrator comes from the application's own first-start variables.
 */
final class People {

  static final int CLINICIANS = 32;
  static final String PASSWORD = "bench-password-not-secret";
  static final String OWNER = "bench.owner";
  static final String AUDITOR = "bench.auditor";
  static final String ADMIN = "bench.admin";

  final UUID clinicId = UUID.randomUUID();
  final List<Clinician> clinicians = new ArrayList<>();
  final List<String> clinicianNames = new ArrayList<>();

  void create(Connection connection) throws SQLException {
    String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
    connection.setAutoCommit(true);
    execute(connection, "INSERT INTO clinic (id, name, created_at) VALUES (?, 'Bench', now())", clinicId);
    for (int i = 1; i <= CLINICIANS; i++) {
      String name = String.format(Locale.ROOT, "bench.clinician.%02d", i);
      UUID id = user(connection, name, hash, "CLINICIAN");
      execute(connection, "INSERT INTO clinic_membership (user_id, clinic_id, relation) VALUES (?, ?, 'MEMBER')",
          id, clinicId);
      clinicians.add(new Clinician(id, clinicId));
      clinicianNames.add(name);
    }
    UUID owner = user(connection, OWNER, hash, "PRACTICE_OWNER");
    execute(connection, "INSERT INTO clinic_membership (user_id, clinic_id, relation) VALUES (?, ?, 'OWNER')",
        owner, clinicId);
    user(connection, AUDITOR, hash, "AUDITOR");
  }

  private static UUID user(Connection connection, String name, String hash, String role) throws SQLException {
    UUID id = UUID.randomUUID();
    execute(connection, "INSERT INTO app_user (id, username, password_hash, enabled, created_at) "
        + "VALUES (?, ?, ?, TRUE, now())", id, name, hash);
    execute(connection, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", id, role);
    return id;
  }

  private static void execute(Connection connection, String sql, Object... arguments) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < arguments.length; i++) {
        statement.setObject(i + 1, arguments[i]);
      }
      statement.executeUpdate();
    }
  }
}
