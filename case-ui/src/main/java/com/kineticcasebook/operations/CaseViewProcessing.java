package com.kineticcasebook.operations;

import com.kineticcasebook.projections.caseview.CaseViewProjection;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case-views processor runs in segments that the nodes share through the token store. A
 * segment that saw none of the latest events stores its advanced token only when it extends its
 * claim; a short threshold keeps every segment's token, and so read-your-writes, within a fraction
 * of a second of the head (Axon's default is five seconds).
 */
@Configuration(proxyBeanMethods = false)
class CaseViewProcessing {

  static final long CLAIM_EXTENSION_MILLIS = 250;
  /**
   * How soon a segment is claimed again after its batch failed and was rolled back, or after the
   * node holding it stopped (Axon's default is five seconds).
   */
  static final long TOKEN_CLAIM_INTERVAL_MILLIS = 1000;

  @Bean
  ConfigurerModule caseViewSegments() {
    return configurer -> configurer.eventProcessing(processing -> processing
        .registerPooledStreamingEventProcessorConfiguration(CaseViewProjection.GROUP,
            (config, builder) -> builder.claimExtensionThreshold(CLAIM_EXTENSION_MILLIS)
                .tokenClaimInterval(TOKEN_CLAIM_INTERVAL_MILLIS)));
  }
}
