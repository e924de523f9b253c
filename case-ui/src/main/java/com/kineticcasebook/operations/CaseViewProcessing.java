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

  @Bean
  ConfigurerModule caseViewSegments() {
    return configurer -> configurer.eventProcessing(processing -> processing
        .registerPooledStreamingEventProcessorConfiguration(CaseViewProjection.GROUP,
            (config, builder) -> builder.claimExtensionThreshold(CLAIM_EXTENSION_MILLIS)));
  }
}
