package com.kineticcasebook.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The checkpoint signing key, read at start or created on first start. */
@Configuration(proxyBeanMethods = false)
class CheckpointConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CheckpointConfiguration.class);

  @Bean
  CheckpointKey checkpointKey(CheckpointProperties properties) {
    CheckpointKey.Loaded loaded = CheckpointKey.loadOrCreate(properties.key());
    if (loaded.created()) {
      log.info("Created the checkpoint signing key at {}; its public key is at {}. Keep a copy of the key off this host.",
          properties.key().toAbsolutePath(), CheckpointKey.publicKeyFile(properties.key()).toAbsolutePath());
    } else {
      log.info("Checkpoints are signed with the key at {}", properties.key().toAbsolutePath());
    }
    return loaded.key();
  }
}
