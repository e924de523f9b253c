package com.kineticcasebook.access;

import com.kineticcasebook.CasebookProperties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Under the {@code postgres} profile the first administrator comes from CASEBOOK_ADMIN_USERNAME
 * and CASEBOOK_ADMIN_PASSWORD, and only while no administrator exists.
 */
@Component
@Profile("postgres")
class InitialAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
  private static final int MIN_PASSWORD_LENGTH = 12;

  private final UserDirectory users;
  private final PasswordEncoder passwordEncoder;
  private final CasebookProperties properties;

  InitialAdmin(UserDirectory users, PasswordEncoder passwordEncoder, CasebookProperties properties) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.properties = properties;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    CasebookProperties.InitialAdmin admin = properties.initialAdmin();
    if (users.anyUserHas(Role.ADMIN)) {
      return;
    }
    if (admin == null || admin.username() == null || admin.username().isBlank()) {
      log.warn("No administrator exists: set CASEBOOK_ADMIN_USERNAME and CASEBOOK_ADMIN_PASSWORD to create the first one");
      return;
    }
    if (admin.password() == null || admin.password().length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException(
          "CASEBOOK_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    users.createUser(admin.username(), passwordEncoder.encode(admin.password()), Set.of(Role.ADMIN));
    log.info("Created the first administrator");
  }
}
