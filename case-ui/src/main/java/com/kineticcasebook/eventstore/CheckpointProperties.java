package com.kineticcasebook.eventstore;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the event store's signed checkpoints under {@code casebook.checkpoints.*}.
 *
 * @param key the private key file (created on first start when absent); keep it off the database host's backups
 * @param directory where the signed checkpoint files are written, to be shipped off the host
 * @param interval how often a node tries to make a checkpoint (one node at a time; none when nothing changed)
 */
@ConfigurationProperties("casebook.checkpoints")
public record CheckpointProperties(Path key, Path directory, Duration interval) {}
