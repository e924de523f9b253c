package com.kineticcasebook.operations;

import com.kineticcasebook.access.AdministrationLog;
import com.kineticcasebook.access.AdministrationLog.Action;
import com.kineticcasebook.access.AdministrationLog.Target;
import com.kineticcasebook.projections.ResetRefused;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lists the streaming projections with their progress, and rebuilds one from the event store:
 * the processor is stopped, its tokens reset (its reset handler clears its tables), and started
 * again, while the rest of the application keeps serving. A rebuild is recorded in the
 * administration log when it is asked for, before it starts; one whose log row cannot be written
 * does not start.
 * <p>
 * The reset needs every segment of the projection, so a rebuild is refused up front, with nothing
 * recorded, while another live node runs the projection ({@link Shared}). A node may still start
 * between that check and the reset: the reset then fails, and the projection goes on from its
 * tokens on this node.
 */
@Service
public class ProjectionOperations {

  private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);

  /**
   * A rebuild refused because other live nodes run the projection; nothing was recorded or changed.
   * Its message says so to an administrator.
   */
  public static final class Shared extends RuntimeException {

    private final int otherNodes;

    Shared(String projection, int otherNodes, Duration liveFor) {
      super("Projection " + projection + " also runs on " + otherNodes + " other node" + (otherNodes == 1 ? "" : "s")
          + ". A rebuild needs every segment of the projection, so it runs with this node alone: scale down to one "
          + "node, then ask again. A node that was killed counts until " + liveFor.toSeconds()
          + " seconds after its last heartbeat. Nothing was changed.", null, false, false);
      this.otherNodes = otherNodes;
    }

    public int otherNodes() {
      return otherNodes;
    }
  }

  /**
   * A projection's progress as the admin API shows it; {@code rebuildFailure} is the last rebuild
   * asked for on this node that did not start, until the next one is asked for, else null.
   */
  public record ProjectionStatus(String name, long position, long headPosition, boolean rebuilding,
      double eventsPerSecond, RebuildFailure rebuildFailure) {}

  /** When a rebuild that was asked for failed to start, and why, for an administrator. */
  public record RebuildFailure(Instant at, String reason) {}

  /** What an administrator is told of a failure that says nothing more useful itself; the log has the rest. */
  private static final String FAILED_TO_START = "The rebuild failed to start; the application's log has the details.";

  private final EventProcessingConfiguration processing;
  private final ProjectionPositions positions;
  private final AdministrationLog administrationLog;
  private final ProjectionBalancer nodes;
  private final TransactionTemplate transaction;
  private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> new Thread(r, "projection-rebuild"));
  private final Map<String, Long> lastPositions = new ConcurrentHashMap<>();
  private final Map<String, Double> rates = new ConcurrentHashMap<>();
  /**
   * The latest rebuild asked for of each projection, while it is under way. Only the latest one may
   * end it or report its failure: an earlier one still waiting for the tables when it was asked
   * again says nothing about the later one.
   */
  private final Map<String, Rebuild> underWay = new ConcurrentHashMap<>();
  private final Map<String, RebuildFailure> failures = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile long lastSampleNanos = System.nanoTime();

  ProjectionOperations(EventProcessingConfiguration processing, ProjectionPositions positions,
      AdministrationLog administrationLog, ProjectionBalancer nodes, PlatformTransactionManager transactions,
      Clock clock) {
    this.processing = processing;
    this.clock = clock;
    this.positions = positions;
    this.administrationLog = administrationLog;
    this.nodes = nodes;
    this.transaction = new TransactionTemplate(transactions);
  }

  public List<ProjectionStatus> list() {
    long head = positions.head();
    List<ProjectionStatus> statuses = new ArrayList<>();
    processing.eventProcessors().forEach((name, processor) -> {
      if (processor instanceof StreamingEventProcessor streaming) {
        long position = positions.processed(name).orElse(-1);
        statuses.add(new ProjectionStatus(name, position, head, rebuilding(name, position),
            rates.getOrDefault(name, 0.0), failures.get(name)));
      }
    });
    return statuses;
  }

  /**
   * Starts a rebuild; false when there is no streaming projection of that name.
   *
   * @throws Shared when another live node runs the projection; nothing is recorded then
   */
  public boolean rebuild(String name) {
    var processor = processing.eventProcessor(name, StreamingEventProcessor.class);
    if (processor.isEmpty()) {
      return false;
    }
    int otherNodes = nodes.otherLiveNodes(name);
    if (otherNodes > 0) {
      throw new Shared(name, otherNodes, nodes.liveFor());
    }
    long position = positions.processed(name).orElse(-1);
    long head = positions.head();
    transaction.executeWithoutResult(status -> administrationLog.record(Action.PROJECTION_REBUILD_REQUESTED,
        Target.projection(name), Map.of("position", position, "headPosition", head),
        Map.of("rebuilding", true, "targetPosition", head)));
    AdministrationLog.Origin origin = administrationLog.origin();
    Rebuild asked = new Rebuild(head);
    underWay.put(name, asked);
    failures.remove(name);
    rebuilds.submit(() -> {
      try {
        StreamingEventProcessor streaming = processor.get();
        streaming.shutDown();
        streaming.resetTokens();
        streaming.start();
        asked.restarted = true;
        log.info("Projection {} is rebuilding from the event store", name);
      } catch (RuntimeException e) {
        log.error("Rebuild of projection {} failed to start; it goes on from its tokens", name, e);
        // Only the latest request reports, and restarts the projection: a later rebuild already
        // waiting behind this one starts it itself (started here, it would be shut down again while
        // still starting its threads, for nothing). No longer under way first, then failed, so a
        // reader never sees both at once.
        if (underWay.remove(name, asked)) {
          RebuildFailure failure = new RebuildFailure(clock.instant(), reason(e));
          failures.put(name, failure);
          recordFailure(origin, name, failure);
          // A reset needs every segment: with another node holding one (one that started after the
          // check above) it fails, and this node must not stay without the projection.
          processor.get().start();
        }
      }
    });
    return true;
  }

  /** The administration log says the request it holds came to nothing, as the one who asked. */
  private void recordFailure(AdministrationLog.Origin origin, String name, RebuildFailure failure) {
    try {
      transaction.executeWithoutResult(status -> administrationLog.record(origin, Action.PROJECTION_REBUILD_FAILED,
          Target.projection(name), null, Map.of("rebuilding", false, "reason", failure.reason())));
    } catch (RuntimeException e) {
      log.error("Could not record in the administration log that the rebuild of projection {} failed to start",
          name, e);
    }
  }

  /** A rebuild still waiting for the tables when the application stops is abandoned with it. */
  @PreDestroy
  void stop() {
    rebuilds.shutdownNow();
  }

  /** The refusal's own words when the projection gave a reason (Axon wraps what a reset handler throws). */
  private static String reason(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ResetRefused refused) {
        return "The rebuild did not start: " + refused.getMessage()
            + " The projection goes on from where it was; ask again once the tables are free.";
      }
    }
    return FAILED_TO_START;
  }

  private boolean rebuilding(String name, long position) {
    Rebuild current = underWay.get(name);
    if (current == null) {
      return false;
    }
    // Until the reset has happened the old token still reports the old position.
    if (current.restarted && position >= current.target) {
      underWay.remove(name, current);
      return false;
    }
    return true;
  }

  /**
   * One rebuild asked for: the head position at that moment (it is done when the projection has
   * processed up to there; Axon's own replay flag stays set until a newer event arrives, so an idle
   * system would look forever busy), and whether its reset has happened and the processor runs
   * again. Compared by identity: two rebuilds asked for at the same head are two rebuilds.
   */
  private static final class Rebuild {

    private final long target;
    private volatile boolean restarted;

    Rebuild(long target) {
      this.target = target;
    }
  }

  /** Samples each projection's position once a second to report events per second. */
  @Scheduled(fixedRate = 1000)
  void sample() {
    long now = System.nanoTime();
    double seconds = (now - lastSampleNanos) / 1e9;
    lastSampleNanos = now;
    processing.eventProcessors().forEach((name, processor) -> {
      if (processor instanceof StreamingEventProcessor) {
        long position = positions.processed(name).orElse(-1);
        Long previous = lastPositions.put(name, position);
        if (previous != null && seconds > 0) {
          rates.put(name, Math.max(0, position - previous) / seconds);
        }
      }
    });
  }
}
