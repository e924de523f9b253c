package com.kineticcasebook.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the segments of one projection should be spread over the live nodes, seen from one node:
 * with S segments and N live nodes every node should hold floor(S/N) or ceil(S/N) of them, which,
 * once every segment is held, is the case exactly when no node holds two segments more than another.
 * <p>
 * While some node holds two more than another, one segment moves at a time: only once the claims
 * have settled (every segment is held by a live node), and only by the node holding the most (ties
 * go to the smallest node name), so a balanced spread is never disturbed and two nodes never give
 * up segments at once. Meanwhile every node holding more than the node with the fewest holds back
 * from claiming segments it does not hold, so that a released segment goes to a node that lacks
 * one; no node holds back a segment that has stayed free for longer than {@code holdBackLimit}, so
 * a node that fails to claim cannot stall the projection.
 */
final class SegmentBalance {

  private SegmentBalance() {}

  /**
   * One segment's row in the token store.
   *
   * @param owner the node holding it, null when free
   * @param since when its claim was last taken, extended or released; null when never claimed
   */
  record Claim(int segment, String owner, Instant since) {}

  /**
   * What this node should do now.
   *
   * @param release a segment to give up for balance, if any
   * @param holdBack segments this node should not claim for a while
   */
  record Decision(OptionalInt release, Set<Integer> holdBack) {

    static final Decision NOTHING = new Decision(OptionalInt.empty(), Set.of());
  }

  /**
   * What to tell an operator when a node has fewer threads than the projection has segments: a
   * node holds at most one segment per thread, so a node left alone (the others stopped or dead)
   * would leave the rest unprojected. Empty when it has enough.
   */
  static Optional<String> threadShortage(String projection, int segments, int threads) {
    if (segments <= threads) {
      return Optional.empty();
    }
    return Optional.of("Projection " + projection + " has " + segments + " segments and this node "
        + threads + " thread" + (threads == 1 ? "" : "s") + ": left alone, it would leave " + (segments - threads)
        + " of them unprojected. Set axon.eventhandling.processors." + projection + ".thread-count to " + segments
        + " on every node");
  }

  static Decision decide(String me, Set<Integer> mine, Collection<Claim> claims, Set<String> liveNodes,
      Instant now, Duration holdBackLimit) {
    Set<String> live = new TreeSet<>(liveNodes);
    live.add(me);
    Map<String, Integer> held = new TreeMap<>();
    live.forEach(node -> held.put(node, 0));
    for (Claim claim : claims) {
      if (claim.owner() != null && live.contains(claim.owner()) && !claim.owner().equals(me)) {
        held.merge(claim.owner(), 1, Integer::sum);
      }
    }
    held.put(me, mine.size());
    int most = Collections.max(held.values());
    int fewest = Collections.min(held.values());
    if (most - fewest < 2) {
      // Every node holds floor(S/N) or ceil(S/N), or will once the free segments are claimed.
      return Decision.NOTHING;
    }

    OptionalInt release = OptionalInt.empty();
    boolean settled = claims.stream().allMatch(claim -> claim.owner() != null && live.contains(claim.owner()));
    String heaviest = held.entrySet().stream().filter(node -> node.getValue() == most).findFirst().orElseThrow()
        .getKey();
    if (settled && heaviest.equals(me)) {
      release = OptionalInt.of(mine.stream().mapToInt(Integer::intValue).max().orElseThrow());
    }
    int keeping = mine.size() - (release.isPresent() ? 1 : 0);
    int fewestElsewhere = held.entrySet().stream().filter(node -> !node.getKey().equals(me))
        .mapToInt(Map.Entry::getValue).min().orElse(keeping);
    Set<Integer> holdBack = new TreeSet<>();
    if (keeping > fewestElsewhere) {
      for (Claim claim : claims) {
        boolean heldByALiveNode = claim.owner() != null && live.contains(claim.owner());
        boolean justFreed = claim.owner() == null && claim.since() != null
            && claim.since().isAfter(now.minus(holdBackLimit));
        if (!mine.contains(claim.segment()) && (heldByALiveNode || justFreed)) {
          holdBack.add(claim.segment());
        }
      }
    }
    release.ifPresent(holdBack::remove);
    return new Decision(release, Set.copyOf(holdBack));
  }
}
