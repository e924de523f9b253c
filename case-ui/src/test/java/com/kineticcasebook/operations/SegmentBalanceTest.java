package com.kineticcasebook.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.kineticcasebook.operations.SegmentBalance.Claim;
import com.kineticcasebook.operations.SegmentBalance.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SegmentBalanceTest {

  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static final Duration LIMIT = Duration.ofSeconds(5);

  @Test
  void aNodeWithFewerThreadsThanSegmentsIsToldHowManyToConfigure() {
    assertThat(SegmentBalance.threadShortage("case-views", 6, 6)).isEmpty();
    assertThat(SegmentBalance.threadShortage("case-views", 2, 4)).isEmpty();
    assertThat(SegmentBalance.threadShortage("case-views", 6, 2)).hasValue("Projection case-views has 6 segments "
        + "and this node 2 threads: left alone, it would leave 4 of them unprojected. Set "
        + "axon.eventhandling.processors.case-views.thread-count to 6 on every node");
    assertThat(SegmentBalance.threadShortage("case-views", 2, 1)).get(STRING)
        .contains("this node 1 thread:", "leave 1 of them");
  }

  @Test
  void theNodeHoldingEverySegmentGivesUpOneWhenASecondNodeArrives() {
    Decision decision = SegmentBalance.decide("a", Set.of(0, 1, 2, 3, 4, 5), claims("a", "a", "a", "a", "a", "a"),
        Set.of("a", "b"), NOW, LIMIT);
    assertThat(decision.release()).hasValue(5);
    assertThat(decision.holdBack()).isEmpty();
  }

  @Test
  void aBalancedSpreadIsLeftAlone() {
    assertThat(SegmentBalance.decide("a", Set.of(0, 1), claims("a", "a", "b", "b", "c", "c"),
        Set.of("a", "b", "c"), NOW, LIMIT)).isEqualTo(Decision.NOTHING);
    // Seven segments on three nodes: 3, 2, 2 is as even as it gets.
    assertThat(SegmentBalance.decide("a", Set.of(0, 1, 2), claims("a", "a", "a", "b", "b", "c", "c"),
        Set.of("a", "b", "c"), NOW, LIMIT)).isEqualTo(Decision.NOTHING);
    // Two segments on three nodes: one node has none, and cannot have one without taking it from another.
    assertThat(SegmentBalance.decide("a", Set.of(0), claims("a", "b"), Set.of("a", "b", "c"), NOW, LIMIT))
        .isEqualTo(Decision.NOTHING);
  }

  @Test
  void onlyTheHeaviestNodeGivesUpASegmentAndTiesGoToTheSmallestName() {
    List<Claim> claims = claims("a", "a", "a", "b", "b", "b");
    Set<String> live = Set.of("a", "b", "c");
    assertThat(SegmentBalance.decide("a", Set.of(0, 1, 2), claims, live, NOW, LIMIT).release()).hasValue(2);
    Decision b = SegmentBalance.decide("b", Set.of(3, 4, 5), claims, live, NOW, LIMIT);
    assertThat(b.release()).isEmpty();
    assertThat(b.holdBack()).as("b holds its share and leaves a's segments to c").containsExactlyInAnyOrder(0, 1, 2);
    assertThat(SegmentBalance.decide("c", Set.of(), claims, live, NOW, LIMIT)).isEqualTo(Decision.NOTHING);
  }

  @Test
  void nothingIsGivenUpWhileADeadNodesSegmentsOrAFreeSegmentWaitForAnOwner() {
    assertThat(SegmentBalance.decide("a", Set.of(0, 1, 2, 3), claims("a", "a", "a", "a", "dead", "dead"),
        Set.of("a", "b"), NOW, LIMIT).release()).isEmpty();
    assertThat(SegmentBalance.decide("a", Set.of(0, 1, 2, 3), claims("a", "a", "a", "a", "b", null),
        Set.of("a", "b"), NOW, LIMIT).release()).isEmpty();
  }

  @Test
  void aSegmentFreedLongAgoIsNotHeldBackSoAFailingNodeCannotStallTheProjection() {
    List<Claim> claims = new ArrayList<>(claims("a", "a", "a", "b", "b", null));
    claims.set(5, new Claim(5, null, NOW.minusSeconds(2)));
    assertThat(SegmentBalance.decide("a", Set.of(0, 1, 2), claims, Set.of("a", "b", "c"), NOW, LIMIT).holdBack())
        .contains(5);
    claims.set(5, new Claim(5, null, NOW.minusSeconds(30)));
    assertThat(SegmentBalance.decide("a", Set.of(0, 1, 2), claims, Set.of("a", "b", "c"), NOW, LIMIT).holdBack())
        .doesNotContain(5);
  }

  @Test
  void aLoneNodeKeepsEverySegmentAndThisNodeCountsAsLiveBeforeItsFirstHeartbeatIsRead() {
    assertThat(SegmentBalance.decide("a", Set.of(0, 1), claims("a", "a"), Set.of(), NOW, LIMIT))
        .isEqualTo(Decision.NOTHING);
  }

  /**
   * Nodes take turns: each decides on what it sees, releases and holds back as told, then free
   * segments go to nodes with room in a random order, as Axon's claim loops would take them. From
   * any start the spread becomes balanced within a few rounds and then stays as it is.
   */
  @Test
  void fromAnySpreadTheNodesBecomeBalancedAndStaySo() {
    Random random = new Random(42);
    for (int trial = 0; trial < 500; trial++) {
      int nodes = 1 + random.nextInt(4);
      int segments = List.of(2, 3, 6, 7, 12).get(random.nextInt(5));
      List<String> names = IntStream.range(0, nodes).mapToObj(i -> "node-" + i).toList();
      Map<Integer, String> owners = new HashMap<>();
      for (int s = 0; s < segments; s++) {
        owners.put(s, random.nextInt(3) == 0 ? null : names.get(random.nextInt(random.nextBoolean() ? 1 : nodes)));
      }
      int balancedSince = -1;
      for (int round = 0; round < 40; round++) {
        Map<String, Set<Integer>> blocked = new HashMap<>();
        List<String> order = new ArrayList<>(names);
        Collections.shuffle(order, random);
        for (String node : order) {
          Set<Integer> mine = owners.entrySet().stream().filter(e -> node.equals(e.getValue()))
              .map(Map.Entry::getKey).collect(Collectors.toSet());
          Decision decision = SegmentBalance.decide(node, mine, claims(owners), Set.copyOf(names), NOW, LIMIT);
          Set<Integer> keepOff = new TreeSet<>(decision.holdBack());
          decision.release().ifPresent(s -> {
            assertThat(balanced(owners, names, segments)).as("a balanced spread is never disturbed").isFalse();
            owners.put(s, null);
            keepOff.add(s);
          });
          blocked.put(node, keepOff);
        }
        for (int s = 0; s < segments; s++) {
          if (owners.get(s) == null) {
            List<String> claimers = new ArrayList<>(names);
            Collections.shuffle(claimers, random);
            int segment = s;
            claimers.stream().filter(n -> !blocked.get(n).contains(segment)).findFirst()
                .ifPresent(n -> owners.put(segment, n));
          }
        }
        if (balanced(owners, names, segments)) {
          balancedSince = balancedSince < 0 ? round : balancedSince;
        } else {
          assertThat(balancedSince).as("once balanced, it stays balanced").isNegative();
        }
      }
      assertThat(balancedSince).as("balanced within 12 rounds: %d nodes, %d segments", nodes, segments)
          .isBetween(0, 12);
    }
  }

  private static boolean balanced(Map<Integer, String> owners, List<String> names, int segments) {
    Map<String, Long> held = owners.values().stream().filter(o -> o != null)
        .collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    return !owners.containsValue(null) && names.stream().allMatch(n -> {
      long count = held.getOrDefault(n, 0L);
      return count >= segments / names.size() && count <= (segments + names.size() - 1) / names.size();
    });
  }

  private static List<Claim> claims(Map<Integer, String> owners) {
    return owners.entrySet().stream().map(e -> new Claim(e.getKey(), e.getValue(), NOW.minusSeconds(1))).toList();
  }

  private static List<Claim> claims(String... owners) {
    return IntStream.range(0, owners.length).mapToObj(i -> new Claim(i, owners[i], NOW.minusSeconds(1))).toList();
  }
}
