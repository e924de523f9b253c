package com.kineticcasebook.embedded;

import com.kineticcasebook.CasebookProperties;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The zero-configuration run's database: a PostgreSQL server of its own under the data directory,
 * so that demo mode runs the production schema, guards and SQL. The server is a bean of the
 * application context: the connection pool depends on it through the connection details, so at a
 * clean stop the processors and the pool are closed first and the server last. Under the
 * {@code postgres} profile the database comes from the environment instead.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!postgres")
class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgresServer embeddedPostgresServer(CasebookProperties properties,
      @Value("${casebook.embedded-database.port}") int port) throws IOException {
    return EmbeddedPostgresServer.start(properties.dataDir(), port);
  }

  /**
   * The embedded server has one role, which runs the migrations and the application alike: the
   * migration that grants the runtime role its privileges is then granting them to the owner.
   */
  @Bean
  FlywayConfigurationCustomizer embeddedPostgresRuntimeRole() {
    return configuration -> configuration.placeholders(Map.of("runtime_role", EmbeddedPostgresServer.USER));
  }

  @Bean
  JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
    return new JdbcConnectionDetails() {
      @Override
      public String getUsername() {
        return EmbeddedPostgresServer.USER;
      }

      @Override
      public String getPassword() {
        return "";
      }

      @Override
      public String getJdbcUrl() {
        return server.jdbcUrl();
      }

      @Override
      public String getDriverClassName() {
        return DatabaseDriver.POSTGRESQL.getDriverClassName();
      }
    };
  }
}
