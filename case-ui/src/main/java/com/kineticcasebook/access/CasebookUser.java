package com.kineticcasebook.access;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The authenticated user, the same object behind a web session and behind a bearer token, so
 * that every controller reads identity one way.
 *
 * @param memberOf clinics the user works in (a clinician's caseload)
 * @param owns clinics the user owns (a practice owner's dashboards)
 */
public record CasebookUser(
    UUID id,
    String username,
    String passwordHash,
    boolean enabled,
    Set<Role> roles,
    Set<UUID> memberOf,
    Set<UUID> owns)
    implements UserDetails, OAuth2AuthenticatedPrincipal, CredentialsContainer {

  public CasebookUser {
    roles = Set.copyOf(roles);
    memberOf = Set.copyOf(memberOf);
    owns = Set.copyOf(owns);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean worksIn(UUID clinicId) {
    return memberOf.contains(clinicId);
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public Map<String, Object> getAttributes() {
    return Map.of("userId", id.toString(), "username", username);
  }

  @Override
  public String getName() {
    return username;
  }

  @Override
  public void eraseCredentials() {
    // Records are immutable; the session keeps a copy without the hash (see withoutPassword).
  }

  /** The same user without the password hash, as kept in sessions and security contexts. */
  CasebookUser withoutPassword() {
    return new CasebookUser(id, username, null, enabled, roles, memberOf, owns);
  }

  @Override
  public String toString() {
    return "CasebookUser[" + id + "]";
  }
}
