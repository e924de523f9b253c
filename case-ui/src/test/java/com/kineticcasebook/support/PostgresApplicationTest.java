package com.kineticcasebook.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on one fresh PostgreSQL database shared by every test class that extends this
 * one, so that they share one application context too.
 */
public abstract class PostgresApplicationTest extends ApplicationTest {

  protected static final TestDatabase DATABASE = TestDatabase.create();

  @DynamicPropertySource
  static void sharedDatabase(DynamicPropertyRegistry registry) {
    useDatabase(registry, DATABASE);
  }
}
