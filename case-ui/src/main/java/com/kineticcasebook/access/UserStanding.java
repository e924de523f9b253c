package com.kineticcasebook.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a signed-in user may do now: whether they are still enabled, and their current roles and
 * clinics. Web sessions and bearer tokens compare the user they were issued for with this on every
 * request, so disabling a user, removing a role or a clinic membership, on any node and by any
 * path that writes the user tables, reaches their open sessions and tokens within {@link #RECHECK}.
 * Each node reads a user's standing from the database (three indexed look-ups, never a password
 * check) at most once per {@link #RECHECK}.
 */
@Component
class UserStanding {

  static final Duration RECHECK = Duration.ofSeconds(2);

  private final Cache<UUID, Optional<CasebookUser>> standing = Caffeine.newBuilder()
      .expireAfterWrite(RECHECK)
      .maximumSize(10_000)
      .build();
  private final UserDirectory users;

  UserStanding(UserDirectory users) {
    this.users = users;
  }

  /** The user as they stand now, without the password hash; empty once disabled or gone. */
  Optional<CasebookUser> current(UUID userId) {
    return standing.get(userId, id -> users.findById(id)
        .filter(CasebookUser::enabled)
        .map(CasebookUser::withoutPassword));
  }
}
