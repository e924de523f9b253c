package com.kineticcasebook.operations;

import com.kineticcasebook.eventstore.NodeName;
import com.kineticcasebook.operations.SegmentBalance.Claim;
import com.kineticcasebook.operations.SegmentBalance.Decision;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Spreads the segments of the streaming projections over the nodes that share the database. Axon
 * lets whichever node asks first claim every free segment; without this, the first node to start
 * would process all of them and the others would wait for it to die.
 * <p>
 * Every heartbeat this node records itself in {@code projection_node} for each projection it runs
 * (a node that holds no segment is otherwise invisible), reads which live node holds which segment
 * from the token store, and follows {@link SegmentBalance}: it may give up one segment, which Axon
 * then leaves unclaimed by this node for a few seconds so that a node lacking segments takes it. A
 * node stopped cleanly removes its rows; a killed node's rows simply grow old.
 */
@Component
class ProjectionBalancer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProjectionBalancer.class);

  /** How long a segment given up for balance is left to the other nodes (Axon's claim interval is a second). */
  private static final Duration RELEASE_FOR = Duration.ofSeconds(5);
  /** A segment free for longer than this is claimed by any node with a free thread, balanced or not. */
  private static final Duration HOLD_BACK_LIMIT = Duration.ofSeconds(5);
  /** Rows of nodes not seen for this many timeouts are removed. */
  private static final int FORGET_AFTER_TIMEOUTS = 100;

  private final EventProcessingConfiguration processing;
  private final JdbcTemplate jdbc;
  private final String node;
  private final ProjectionNodeProperties properties;
  private ScheduledExecutorService scheduler;
  private ScheduledFuture<?> ticks;
  private volatile boolean failing;
  /** Projections whose shortage of threads this node has already warned of (once per start). */
  private final Set<String> warnedShort = ConcurrentHashMap.newKeySet();

  ProjectionBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, NodeName nodeName,
      ProjectionNodeProperties properties) {
    this.processing = processing;
    this.jdbc = jdbc;
    this.node = nodeName.value();
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "projection-balance");
      thread.setDaemon(true);
      return thread;
    });
    long every = properties.heartbeat().toMillis();
    ticks = scheduler.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (ticks == null) {
      return;
    }
    ticks.cancel(false);
    scheduler.shutdown();
    ticks = null;
    try {
      jdbc.update("DELETE FROM projection_node WHERE node_id = ?", node);
    } catch (RuntimeException e) {
      log.warn("Could not remove this node from the projection nodes: {}", e.getMessage());
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return ticks != null;
  }

  void tick() {
    try {
      long timeout = properties.timeout().toMillis();
      jdbc.update("DELETE FROM projection_node WHERE last_seen < now() - ? * interval '1 millisecond'",
          timeout * FORGET_AFTER_TIMEOUTS);
      processing.eventProcessors().forEach((name, processor) -> {
        if (processor instanceof StreamingEventProcessor streaming) {
          if (streaming.isRunning()) {
            balance(name, streaming, heartbeat(name, timeout));
          } else {
            // Stopped (a rebuild restarting it, or an unrecoverable error): the others share its segments.
            jdbc.update("DELETE FROM projection_node WHERE processor_name = ? AND node_id = ?", name, node);
          }
        }
      });
      if (failing) {
        failing = false;
        log.info("Projection balancing works again");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn("Projection balancing failed; retrying every heartbeat: {}", e.getMessage());
      }
    }
  }

  /**
   * How many nodes other than this one run the projection, counted as the balancing counts them:
   * their heartbeat is younger than the timeout. A node stopped cleanly has removed its rows; a
   * killed one counts until its last heartbeat is a timeout old.
   */
  int otherLiveNodes(String processor) {
    Set<String> live = liveNodes(processor, properties.timeout().toMillis());
    live.remove(node);
    return live.size();
  }

  /** How long after its last heartbeat a node still counts as live. */
  Duration liveFor() {
    return properties.timeout();
  }

  /** Records that this node runs the projection; returns the nodes that do. */
  private Set<String> heartbeat(String processor, long timeout) {
    jdbc.update("INSERT INTO projection_node (processor_name, node_id, last_seen) VALUES (?, ?, now()) "
        + "ON CONFLICT (processor_name, node_id) DO UPDATE SET last_seen = EXCLUDED.last_seen", processor, node);
    return liveNodes(processor, timeout);
  }

  private Set<String> liveNodes(String processor, long timeout) {
    return new HashSet<>(jdbc.queryForList("SELECT node_id FROM projection_node "
        + "WHERE processor_name = ? AND last_seen > now() - ? * interval '1 millisecond'",
        String.class, processor, timeout));
  }

  private void balance(String name, StreamingEventProcessor processor, Set<String> live) {
    List<Claim> claims = jdbc.query("SELECT segment, owner, timestamp FROM token_entry WHERE processor_name = ?",
        (rs, row) -> new Claim(rs.getInt(1), rs.getString(2), instant(rs.getString(3))), name);
    Set<Integer> mine = Set.copyOf(processor.processingStatus().keySet());
    SegmentBalance.threadShortage(name, claims.size(), processor.maxCapacity())
        .filter(shortage -> warnedShort.add(name))
        .ifPresent(log::warn);
    Decision decision = SegmentBalance.decide(node, mine, claims, live, Instant.now(), HOLD_BACK_LIMIT);
    for (int segment : decision.holdBack()) {
      // Axon's release of a segment this node does not hold only keeps it from claiming it for a while.
      processor.releaseSegment(segment, 2 * properties.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
    }
    decision.release().ifPresent(segment -> {
      log.info("Releasing segment {} of projection {} for balance: this node held {} of {} segments, {} nodes live",
          segment, name, mine.size(), claims.size(), live.size());
      processor.releaseSegment(segment, RELEASE_FOR.toMillis(), TimeUnit.MILLISECONDS);
    });
  }

  /** Axon writes the claim's time as an ISO-8601 instant. */
  private static Instant instant(String timestamp) {
    try {
      return timestamp == null ? null : Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
