package com.kineticcasebook;

import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock and the one id factory of the application; tests replace them. */
@Configuration(proxyBeanMethods = false)
class TimeAndIds {

  @Bean
  Clock clock(CasebookProperties properties) {
    return Clock.system(properties.timeZone());
  }

  @Bean
  IdFactory idFactory() {
    return new IdFactory(UUID::randomUUID);
  }
}
