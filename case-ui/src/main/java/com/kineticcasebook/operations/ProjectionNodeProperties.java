package com.kineticcasebook.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the nodes sharing the streaming projections, under {@code casebook.projection-nodes.*}.
 *
 * @param heartbeat how often a node records that it is alive and checks the spread of the segments
 * @param timeout how long after its last heartbeat a node still counts as alive; about the token
 *     store's claim timeout, after which a dead node's segments are taken over
 */
@ConfigurationProperties("casebook.projection-nodes")
public record ProjectionNodeProperties(Duration heartbeat, Duration timeout) {}
