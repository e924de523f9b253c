package com.kineticcasebook.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Users, clinics, roles and memberships in their PostgreSQL tables. */
@Repository
public class UserDirectory {

  /** A clinic as the API shows it. */
  public record Clinic(UUID clinicId, String name) {}

  /** How a user belongs to a clinic: works in it, or owns it. */
  public enum Relation { MEMBER, OWNER }

  /** One clinic a user works in or owns. */
  public record Membership(UUID clinicId, String clinicName, Relation relation) {}

  /** A user as administrators manage them: no password hash. */
  public record Account(UUID id, String username, boolean enabled, Set<Role> roles, List<Membership> memberships) {}

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
      (Relation.valueOf(rs.getString(2)) == Relation.OWNER ? owns : memberOf).add(clinic);
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
    addMembership(userId, clinicId, Relation.MEMBER);
  }

  @Transactional
  public void addOwner(UUID userId, UUID clinicId) {
    addMembership(userId, clinicId, Relation.OWNER);
  }

  /** Every user, by username, with roles and clinic memberships. */
  public List<Account> accounts() {
    Map<UUID, Set<Role>> roles = new HashMap<>();
    jdbc.query("SELECT user_id, role FROM user_role", rs -> {
      roles.computeIfAbsent(rs.getObject(1, UUID.class), id -> new TreeSet<>()).add(Role.valueOf(rs.getString(2)));
    });
    Map<UUID, List<Membership>> memberships = new HashMap<>();
    jdbc.query("""
        SELECT m.user_id, m.clinic_id, c.name, m.relation FROM clinic_membership m JOIN clinic c ON c.id = m.clinic_id
        ORDER BY c.name, m.relation""", rs -> {
      memberships.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
          .add(new Membership(rs.getObject(2, UUID.class), rs.getString(3), Relation.valueOf(rs.getString(4))));
    });
    return jdbc.query("SELECT id, username, enabled FROM app_user ORDER BY username", (rs, row) -> {
      UUID id = rs.getObject(1, UUID.class);
      return new Account(id, rs.getString(2), rs.getBoolean(3), roles.getOrDefault(id, Set.of()),
          memberships.getOrDefault(id, List.of()));
    });
  }

  public Optional<Account> account(UUID id) {
    return accounts().stream().filter(account -> account.id().equals(id)).findFirst();
  }

  /** Usernames by user id, for showing people rather than ids; unknown ids are left out. */
  public Map<UUID, String> usernames(Collection<UUID> ids) {
    Map<UUID, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
    jdbc.query("SELECT id, username FROM app_user WHERE id IN (" + placeholders + ")",
        rs -> {
          names.put(rs.getObject(1, UUID.class), rs.getString(2));
        }, ids.toArray());
    return names;
  }

  public List<Clinic> clinics() {
    return jdbc.query("SELECT id, name FROM clinic ORDER BY name",
        (rs, row) -> new Clinic(rs.getObject(1, UUID.class), rs.getString(2)));
  }

  /** Replaces a user's roles. */
  @Transactional
  public void setRoles(UUID userId, Set<Role> roles) {
    jdbc.update("DELETE FROM user_role WHERE user_id = ?", userId);
    for (Role role : roles) {
      jdbc.update("INSERT INTO user_role (user_id, role) VALUES (?, ?)", userId, role.name());
    }
  }

  /** Adds a membership unless the user already has it. */
  @Transactional
  public void addMembership(UUID userId, UUID clinicId, Relation relation) {
    jdbc.update("""
        INSERT INTO clinic_membership (user_id, clinic_id, relation) SELECT ?, ?, ?
        WHERE NOT EXISTS (SELECT 1 FROM clinic_membership WHERE user_id = ? AND clinic_id = ? AND relation = ?)""",
        userId, clinicId, relation.name(), userId, clinicId, relation.name());
  }

  @Transactional
  public void removeMembership(UUID userId, UUID clinicId, Relation relation) {
    jdbc.update("DELETE FROM clinic_membership WHERE user_id = ? AND clinic_id = ? AND relation = ?",
        userId, clinicId, relation.name());
  }

  /** A disabled user can no longer sign in or use an API token. */
  @Transactional
  public void setEnabled(UUID userId, boolean enabled) {
    jdbc.update("UPDATE app_user SET enabled = ? WHERE id = ?", enabled, userId);
  }

  public boolean anyUserHas(Role role) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM user_role WHERE role = ?", Integer.class, role.name());
    return count != null && count > 0;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
