package com.kineticcasebook.access;

import com.kineticcasebook.eventstore.EventMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only {@code administration_log} table. A row is written inside the transaction of
 * the change it records (a change without its row cannot commit), by whoever is signed in on the
 * current request; changes made at start-up (the first administrator, demo data) have no actor.
 * What became of a change asked for earlier and carried out in the background (a rebuild that did
 * not start) is written later, as the one who asked and with their request's {@link Origin}.
 * The states before and after are the caller's choice of fields and must never hold a secret.
 */
@Repository
public class AdministrationLog {

  /** What was changed. */
  public enum Action {
    USER_CREATED, USER_ENABLED, USER_DISABLED, ROLES_CHANGED, MEMBERSHIP_ADDED, MEMBERSHIP_REMOVED, CLINIC_CREATED,
    PROJECTION_REBUILD_REQUESTED, PROJECTION_REBUILD_FAILED, DEAD_LETTERS_RETRIED
  }

  /** What a change was made to. */
  public enum TargetType { USER, CLINIC, PROJECTION, DEAD_LETTER_QUEUE }

  /** The changed thing: its kind, its id (a UUID, or a projection's name) and its name. */
  public record Target(TargetType type, String id, String name) {

    public static Target user(UUID id, String username) {
      return new Target(TargetType.USER, id.toString(), username);
    }

    public static Target clinic(UUID id, String name) {
      return new Target(TargetType.CLINIC, id.toString(), name);
    }

    public static Target projection(String name) {
      return new Target(TargetType.PROJECTION, name, name);
    }

    public static Target deadLetterQueue(String processingGroup) {
      return new Target(TargetType.DEAD_LETTER_QUEUE, processingGroup, processingGroup);
    }
  }

  /** One recorded change, as auditors read it; {@code before} and {@code after} are JSON objects or null. */
  public record Entry(Instant at, UUID actorUserId, String actorUsername, List<String> actorRoles, String action,
      String targetType, String targetId, String targetName, JsonNode before, JsonNode after, String clientAddress,
      String correlationId) {}

  private record Actor(UUID userId, String username, String roles) {}

  /**
   * Who asked for a change and from where, taken while their request is under way, so that an
   * outcome known only later (a rebuild that then fails to start) is recorded as theirs.
   */
  public record Origin(Actor actor, String clientAddress, String correlationId) {}

  private static final Actor NOBODY = new Actor(null, null, null);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final JsonMapper json;

  AdministrationLog(JdbcTemplate jdbc, Clock clock, JsonMapper json) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
  }

  /** Appends a change; only inside the transaction that makes it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(Action action, Target target, Object before, Object after) {
    record(origin(), action, target, before, after);
  }

  /** The signed-in user and the request on this thread, for a later {@link #record(Origin, Action, Target, Object, Object)}. */
  public Origin origin() {
    Optional<HttpServletRequest> request = currentRequest();
    return new Origin(actor(), request.map(HttpServletRequest::getRemoteAddr).orElse(null),
        request.map(r -> r.getAttribute(EventMetadata.CORRELATION_ID_ATTRIBUTE)).map(Object::toString).orElse(null));
  }

  /** Appends what became of a change asked for earlier, as the one who asked for it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(Origin origin, Action action, Target target, Object before, Object after) {
    Actor actor = origin.actor();
    jdbc.update("""
        INSERT INTO administration_log (at, actor_user_id, actor_username, actor_roles, action, target_type, target_id,
          target_name, before_state, after_state, client_address, correlation_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        clock.instant().atOffset(ZoneOffset.UTC), actor.userId(), actor.username(), actor.roles(), action.name(),
        target.type().name(), target.id(), target.name(), before == null ? null : json.writeValueAsString(before),
        after == null ? null : json.writeValueAsString(after), origin.clientAddress(), origin.correlationId());
  }

  /** The signed-in user on this thread, if any: whoever an administrative change is to be refused to or logged as. */
  public Optional<UUID> actingUserId() {
    return Optional.ofNullable(actor().userId());
  }

  /**
   * Newest first; every filter optional. {@code userId} matches the changes the user made and the
   * changes made to their account.
   */
  public List<Entry> find(UUID userId, Instant from, Instant to, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> arguments = new ArrayList<>();
    if (userId != null) {
      where.append(" AND (actor_user_id = ? OR (target_type = 'USER' AND target_id = ?))");
      arguments.add(userId);
      arguments.add(userId.toString());
    }
    String orderAndPage = LogQueries.timeRangeAndPage(where, arguments, from, to, page, size);
    return jdbc.query("SELECT * FROM administration_log" + where + orderAndPage,
        (rs, row) -> new Entry(rs.getObject("at", OffsetDateTime.class).toInstant(),
            rs.getObject("actor_user_id", UUID.class), rs.getString("actor_username"), roles(rs.getString("actor_roles")),
            rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("target_name"),
            state(rs.getString("before_state")), state(rs.getString("after_state")), rs.getString("client_address"),
            rs.getString("correlation_id")),
        arguments.toArray());
  }

  private JsonNode state(String stored) {
    return stored == null ? null : json.readTree(stored);
  }

  private static List<String> roles(String stored) {
    return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
  }

  /**
   * The principal is read through its attributes (user id and username, which every principal of
   * the application carries) and its authorities, so that this log needs nothing of the identity
   * module that records into it.
   */
  private static Actor actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return NOBODY;
    }
    UUID userId = null;
    if (authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal
        && principal.getAttribute("userId") instanceof String id) {
      userId = UUID.fromString(id);
    }
    String roles = String.join(",", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(authority -> authority != null && authority.startsWith("ROLE_"))
        .map(authority -> authority.substring("ROLE_".length())).sorted().toList());
    return new Actor(userId, authentication.getName(), roles);
  }

  private static Optional<HttpServletRequest> currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? Optional.of(attributes.getRequest()) : Optional.empty();
  }
}
