package com.kineticcasebook.demo;

import com.kineticcasebook.CasebookProperties;
import com.kineticcasebook.access.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode of the zero-configuration default: clinics North and South and one user per role,
 * all with the demo password. Never active under the {@code postgres} profile.
 */
@Component
@Profile("!postgres")
@ConditionalOnProperty(name = "casebook.demo.enabled", havingValue = "true")
@Order(0)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final UserDirectory users;
  private final PasswordEncoder passwordEncoder;
  private final CasebookProperties properties;

  DemoData(UserDirectory users, PasswordEncoder passwordEncoder, CasebookProperties properties) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.properties = properties;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (users.findByUsername("admin").isPresent()) {
      return;
    }
    DemoPeople.create(users, passwordEncoder.encode(properties.demo().password()));
    log.info("Demo mode: created clinics North and South and users clinician.north, clinician.south, owner, auditor, admin");
  }
}
