package com.kineticcasebook.demo;

import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.UserDirectory;
import java.util.Set;
import java.util.UUID;

/**
 * The clinics and users of demo mode, one user per role: clinics North and South,
 * {@code clinician.north}, {@code clinician.south}, {@code owner} (owns both), {@code auditor}
 * and {@code admin}. The integration tests use the same set.
 */
public final class DemoPeople {

  private DemoPeople() {}

  /** Creates them all with one password hash; the caller checks they do not exist yet. */
  public static void create(UserDirectory users, String passwordHash) {
    UUID north = users.createClinic("North").clinicId();
    UUID south = users.createClinic("South").clinicId();
    users.addMember(users.createUser("clinician.north", passwordHash, Set.of(Role.CLINICIAN)), north);
    users.addMember(users.createUser("clinician.south", passwordHash, Set.of(Role.CLINICIAN)), south);
    UUID owner = users.createUser("owner", passwordHash, Set.of(Role.PRACTICE_OWNER));
    users.addOwner(owner, north);
    users.addOwner(owner, south);
    users.createUser("auditor", passwordHash, Set.of(Role.AUDITOR));
    users.createUser("admin", passwordHash, Set.of(Role.ADMIN));
  }
}
