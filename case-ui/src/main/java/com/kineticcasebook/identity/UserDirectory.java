package com.kineticcasebook.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Users, clinics, roles and memberships in their PostgreSQL tables. */
@Repository
public class UserDirectory {

  /** A clinic as the API shows it. */
  public record Clinic(UUID clinicId, String name) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  UserDirectory(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<CasebookUser> findByUsername(String username) {
    return jdbc
        .query(
            "SELECT id, username, password_hash, enabled FROM app_user WHERE username = ?",
            (rs, row) -> load(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
            username)
        .stream()
        .findFirst();
  }

  public Optional<CasebookUser> findById(UUID id) {
    return jdbc
        .query(
            "SELECT id, username, password_hash, enabled FROM app_user WHERE id = ?",
            (rs, row) -> load(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
            id)
        .stream()
        .findFirst();
  }

  private CasebookUser load(UUID id, String username, String passwordHash, boolean enabled) {
    Set<Role> roles = new HashSet<>();
    jdbc.query("SELECT role FROM user_role WHERE user_id = ?", rs -> {
      roles.add(Role.valueOf(rs.getString(1)));
    }, id);
    Set<UUID> memberOf = new HashSet<>();
    Set<UUID> owns = new HashSet<>();
    jdbc.query("SELECT clinic_id, relation FROM clinic_membership WHERE user_id = ?", rs -> {
      UUID clinic = rs.getObject(1, UUID.class);
      (rs.getString(2).equals("OWNER") ? owns : memberOf).add(clinic);
    }, id);
    return new CasebookUser(id, username, passwordHash, enabled, roles, memberOf, owns);
  }

  /** The clinics a user works in or owns, by name. */
  public List<Clinic> clinicsOf(CasebookUser user) {
    return jdbc.query(
        """
        SELECT DISTINCT c.id, c.name FROM clinic c JOIN clinic_membership m ON m.clinic_id = c.id
        WHERE m.user_id = ? ORDER BY c.name""",
        (rs, row) -> new Clinic(rs.getObject(1, UUID.class), rs.getString(2)),
        user.id());
  }

  public Optional<Clinic> findClinicByName(String name) {
    return jdbc
        .query("SELECT id, name FROM clinic WHERE name = ?",
            (rs, row) -> new Clinic(rs.getObject(1, UUID.class), rs.getString(2)), name)
        .stream()
        .findFirst();
  }

  @Transactional
  public Clinic createClinic(String name) {
    Clinic clinic = new Clinic(UUID.randomUUID(), name);
    jdbc.update("INSERT INTO clinic (id, name, created_at) VALUES (?, ?, ?)", clinic.clinicId(), name, now());
    return clinic;
  }

  /** Creates a user with an already hashed password. */
  @Transactional
  public UUID createUser(String username, String passwordHash, Set<Role> roles) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO app_user (id, username, password_hash, enabled, created_at) VALUES (?, ?, ?, TRUE, ?)",
        id, username, passwordHash, now());
    for (Role role : roles) {
      jdbc.update("INSERT INTO user_role (user_id, role) VALUES (?, ?)", id, role.name());
    }
    return id;
  }

  @Transactional
  public void addMember(UUID userId, UUID clinicId) {
    jdbc.update("INSERT INTO clinic_membership (user_id, clinic_id, relation) VALUES (?, ?, 'MEMBER')", userId, clinicId);
  }

  @Transactional
  public void addOwner(UUID userId, UUID clinicId) {
    jdbc.update("INSERT INTO clinic_membership (user_id, clinic_id, relation) VALUES (?, ?, 'OWNER')", userId, clinicId);
  }

  public boolean anyUserHas(Role role) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM user_role WHERE role = ?", Integer.class, role.name());
    return count != null && count > 0;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
