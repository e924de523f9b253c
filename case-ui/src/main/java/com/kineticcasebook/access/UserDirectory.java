package com.kineticcasebook.access;

import com.kineticcasebook.access.AdministrationLog.Action;
import com.kineticcasebook.access.AdministrationLog.Target;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, clinics, roles and memberships in their PostgreSQL tables. Every change goes through
 * here: each is checked against the separation of duties (an administrator is never also a
 * clinician, practice owner or auditor, and works in no clinic; nobody changes their own account)
 * and recorded in the administration log in its own transaction.
 */
@Repository
public class UserDirectory {

  private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

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
  private final AdministrationLog administrationLog;

  UserDirectory(JdbcTemplate jdbc, Clock clock, AdministrationLog administrationLog) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.administrationLog = administrationLog;
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
    return grantable(new CasebookUser(id, username, passwordHash, enabled, roles, memberOf, owns));
  }

  /**
   * What a loaded account may actually use, failing closed: an account that holds the
   * administrator role together with a clinical or audit role (possible only for rows older than
   * the database's check) gets no role at all, and a membership counts only through the role it
   * belongs to (working in a clinic for clinicians, owning one for practice owners), so that an
   * administrator's stray membership never opens a clinic's cases.
   */
  static CasebookUser grantable(CasebookUser user) {
    Set<Role> roles = user.roles();
    if (SeparationOfDuties.problemWith(roles).isPresent()) {
      log.warn("Account {} holds the administrator role with a clinical or audit role; it is given no role", user.id());
      roles = Set.of();
    }
    return new CasebookUser(user.id(), user.username(), user.passwordHash(), user.enabled(), roles,
        roles.contains(Role.CLINICIAN) ? user.memberOf() : Set.of(),
        roles.contains(Role.PRACTICE_OWNER) ? user.owns() : Set.of());
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
    administrationLog.record(Action.CLINIC_CREATED, Target.clinic(clinic.clinicId(), name), null,
        Map.of("name", name));
    return clinic;
  }

  /** Creates a user with an already hashed password. */
  @Transactional
  public UUID createUser(String username, String passwordHash, Set<Role> roles) {
    return createUser(username, passwordHash, roles, null, null);
  }

  /**
   * Creates a user with an already hashed password and, unless {@code clinicId} is null, their
   * first clinic membership: one change, one row of the administration log.
   *
   * @throws SeparationOfDuties.Refused when the roles, or the roles and the clinic, may not go together
   */
  @Transactional
  public UUID createUser(String username, String passwordHash, Set<Role> roles, UUID clinicId, Relation relation) {
    refuse("roles", SeparationOfDuties.problemWith(roles));
    if (clinicId != null) {
      refuse("clinicId", SeparationOfDuties.problemWithClinics(roles));
    }
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO app_user (id, username, password_hash, enabled, created_at) VALUES (?, ?, ?, TRUE, ?)",
        id, username, passwordHash, now());
    insertRoles(id, roles);
    if (clinicId != null) {
      insertMembership(id, clinicId, relation);
    }
    administrationLog.record(Action.USER_CREATED, Target.user(id, username), null, state(lockedAccount(id)));
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
    List<Account> found = jdbc.query("SELECT id, username, enabled FROM app_user WHERE id = ?",
        (rs, row) -> new Account(id, rs.getString(2), rs.getBoolean(3), rolesOf(id), membershipsOf(id)), id);
    return found.stream().findFirst();
  }

  private Set<Role> rolesOf(UUID userId) {
    Set<Role> roles = new TreeSet<>();
    jdbc.query("SELECT role FROM user_role WHERE user_id = ?", rs -> {
      roles.add(Role.valueOf(rs.getString(1)));
    }, userId);
    return roles;
  }

  private List<Membership> membershipsOf(UUID userId) {
    return jdbc.query("""
        SELECT m.clinic_id, c.name, m.relation FROM clinic_membership m JOIN clinic c ON c.id = m.clinic_id
        WHERE m.user_id = ? ORDER BY c.name, m.relation""",
        (rs, row) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2), Relation.valueOf(rs.getString(3))),
        userId);
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

  /**
   * Replaces a user's roles.
   *
   * @throws SeparationOfDuties.Refused for the caller's own account, for the administrator role
   *     together with a clinical or audit role, and for the administrator role while the user
   *     still works in or owns a clinic
   */
  @Transactional
  public void setRoles(UUID userId, Set<Role> roles) {
    refuseOwnAccount(userId, "roles");
    refuse("roles", SeparationOfDuties.problemWith(roles));
    Account before = lockedAccount(userId);
    if (!before.memberships().isEmpty()) {
      refuse("roles", SeparationOfDuties.problemWithClinics(roles));
    }
    if (before.roles().equals(roles)) {
      return;
    }
    jdbc.update("DELETE FROM user_role WHERE user_id = ?", userId);
    insertRoles(userId, roles);
    administrationLog.record(Action.ROLES_CHANGED, target(before), state(before), state(lockedAccount(userId)));
  }

  /**
   * Adds a membership unless the user already has it.
   *
   * @throws SeparationOfDuties.Refused for the caller's own account and for an administrator
   */
  @Transactional
  public void addMembership(UUID userId, UUID clinicId, Relation relation) {
    refuseOwnAccount(userId, "clinicId");
    Account before = lockedAccount(userId);
    refuse("clinicId", SeparationOfDuties.problemWithClinics(before.roles()));
    if (insertMembership(userId, clinicId, relation) > 0) {
      administrationLog.record(Action.MEMBERSHIP_ADDED, target(before), state(before), state(lockedAccount(userId)));
    }
  }

  /** Removes a membership if the user has it; refused for the caller's own account. */
  @Transactional
  public void removeMembership(UUID userId, UUID clinicId, Relation relation) {
    refuseOwnAccount(userId, "clinicId");
    Account before = lockedAccount(userId);
    int removed = jdbc.update("DELETE FROM clinic_membership WHERE user_id = ? AND clinic_id = ? AND relation = ?",
        userId, clinicId, relation.name());
    if (removed > 0) {
      administrationLog.record(Action.MEMBERSHIP_REMOVED, target(before), state(before), state(lockedAccount(userId)));
    }
  }

  /** A disabled user can no longer sign in or use an API token; refused for the caller's own account. */
  @Transactional
  public void setEnabled(UUID userId, boolean enabled) {
    refuseOwnAccount(userId, "enabled");
    Account before = lockedAccount(userId);
    if (before.enabled() == enabled) {
      return;
    }
    jdbc.update("UPDATE app_user SET enabled = ? WHERE id = ?", enabled, userId);
    administrationLog.record(enabled ? Action.USER_ENABLED : Action.USER_DISABLED, target(before), state(before),
        state(lockedAccount(userId)));
  }

  private void insertRoles(UUID userId, Set<Role> roles) {
    for (Role role : roles) {
      jdbc.update("INSERT INTO user_role (user_id, role) VALUES (?, ?)", userId, role.name());
    }
  }

  private int insertMembership(UUID userId, UUID clinicId, Relation relation) {
    return jdbc.update("""
        INSERT INTO clinic_membership (user_id, clinic_id, relation) SELECT ?, ?, ?
        WHERE NOT EXISTS (SELECT 1 FROM clinic_membership WHERE user_id = ? AND clinic_id = ? AND relation = ?)""",
        userId, clinicId, relation.name(), userId, clinicId, relation.name());
  }

  /** The account, its row locked until the change commits, so that its "before" is what the change replaced. */
  private Account lockedAccount(UUID userId) {
    if (jdbc.queryForList("SELECT id FROM app_user WHERE id = ? FOR UPDATE", userId).isEmpty()) {
      throw new IllegalArgumentException("no user " + userId);
    }
    return account(userId).orElseThrow();
  }

  private void refuseOwnAccount(UUID userId, String field) {
    if (administrationLog.actingUserId().filter(userId::equals).isPresent()) {
      throw new SeparationOfDuties.Refused(field, SeparationOfDuties.OWN_ACCOUNT);
    }
  }

  private static void refuse(String field, Optional<String> problem) {
    if (problem.isPresent()) {
      throw new SeparationOfDuties.Refused(field, problem.get());
    }
  }

  private static Target target(Account account) {
    return Target.user(account.id(), account.username());
  }

  /** An account as the administration log keeps it: never the password or its hash. */
  private static Map<String, Object> state(Account account) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("username", account.username());
    state.put("enabled", account.enabled());
    state.put("roles", account.roles().stream().sorted().map(Role::name).toList());
    state.put("memberships", account.memberships().stream().map(m -> {
      Map<String, Object> membership = new LinkedHashMap<>();
      membership.put("clinicId", m.clinicId().toString());
      membership.put("clinicName", m.clinicName());
      membership.put("relation", m.relation().name());
      return membership;
    }).toList());
    return state;
  }

  public boolean anyUserHas(Role role) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM user_role WHERE role = ?", Integer.class, role.name());
    return count != null && count > 0;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
