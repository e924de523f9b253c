package com.kineticcasebook.eventstore;

import com.kineticcasebook.patientcase.CaseEventMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Copies the command's identity metadata onto every event it causes. Replaces Axon's default
 * MessageOriginProvider, whose correlationId (the command's own id) would hide the request's.
 */
@Configuration(proxyBeanMethods = false)
class MetadataCorrelation {

  @Bean
  CorrelationDataProvider identityMetadata() {
    return new SimpleCorrelationDataProvider(CaseEventMetadata.KEYS.toArray(String[]::new));
  }
}
