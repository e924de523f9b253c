package com.kineticcasebook.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.kineticcasebook.outcomes.ConfidenceInterval;
import com.kineticcasebook.projections.outcomes.CumulativeIncidence.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outcome statistics equal R's on a committed data set of 260 secondaries: the Kaplan-Meier
 * curve and its log-log band ({@code survival::survfit}), the median and its Brookmeyer-Crowley
 * interval ({@code quantile}), log-rank tests ({@code survdiff}), cumulative incidence of the
 * competing outcomes ({@code cmprsk::cuminc}) and Wilson intervals ({@code prop.test}).
 * {@code outcomes/reference/reference.R} made {@code expected.txt} from {@code data.csv}; this test
 * needs no R.
 */
class ReferenceFiguresTest {

  private static final double TOLERANCE = 1e-9;

  private record Row(int kmTime, boolean kmCleared, int crTime, int crStatus, String modality, String clinician) {}

  private static List<Row> rows;
  private static Map<String, List<String[]>> expected;

  @BeforeAll
  static void read() throws IOException {
    List<String> data = lines("data.csv");
    rows = data.stream().skip(1).map(line -> line.split(",")).map(f -> new Row(Integer.parseInt(f[0]),
        f[1].equals("1"), Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4], f[5])).toList();
    expected = lines("expected.txt").stream().map(line -> line.trim().split(" +"))
        .collect(Collectors.groupingBy(f -> f[0], TreeMap::new, Collectors.toList()));
  }

  @Test
  void theCurveAndItsLogLogBandEqualSurvfit() {
    List<KaplanMeier.Step> steps = kaplanMeier(rows).steps();
    List<String[]> reference = expected.get("km");
    assertThat(steps).hasSize(reference.size());
    for (int i = 0; i < steps.size(); i++) {
      KaplanMeier.Step step = steps.get(i);
      String[] r = reference.get(i);
      assertThat(step.day()).isEqualTo(Integer.parseInt(r[1]));
      assertThat(step.atRisk()).isEqualTo(Integer.parseInt(r[2]));
      assertThat(step.cleared()).isEqualTo(Integer.parseInt(r[3]));
      assertThat(step.censored()).isEqualTo(Integer.parseInt(r[4]));
      assertThat(step.survival()).isCloseTo(Double.parseDouble(r[5]), within(TOLERANCE));
      assertThat(step.lower()).isCloseTo(Double.parseDouble(r[6]), within(TOLERANCE));
      assertThat(step.upper()).isCloseTo(Double.parseDouble(r[7]), within(TOLERANCE));
    }
  }

  @Test
  void theMedianAndItsIntervalEqualQuantile() {
    assertMedian(kaplanMeier(rows), expected.get("median").get(0));
    for (String modality : List.of("EDUCATION_AND_LOAD_MANAGEMENT", "EXERCISE_THERAPY", "SHOCKWAVE")) {
      assertMedian(kaplanMeier(rows.stream().filter(r -> r.modality().equals(modality)).toList()),
          expected.get("median." + modality).get(0));
    }
  }

  @Test
  void theLogRankTestsEqualSurvdiff() {
    assertLogRank(LogRank.test(groups(Row::modality)), expected.get("logrank.modality").get(0));
    assertLogRank(LogRank.test(groups(Row::clinician)), expected.get("logrank.clinician").get(0));
  }

  @Test
  void theCumulativeIncidenceEqualsCuminc() {
    List<CumulativeIncidence.Observation> observations = rows.stream()
        .map(r -> new CumulativeIncidence.Observation(r.crTime(), Outcome.values()[r.crStatus()])).toList();
    CumulativeIncidence incidence = new CumulativeIncidence(observations);
    for (String[] r : expected.get("cuminc")) {
      CumulativeIncidence.Point point = incidence.at(Integer.parseInt(r[1]));
      assertThat(point.clearedWithoutOwnTreatment()).isCloseTo(Double.parseDouble(r[2]), within(TOLERANCE));
      assertThat(point.ownTreatment()).isCloseTo(Double.parseDouble(r[3]), within(TOLERANCE));
    }
  }

  @Test
  void theWilsonIntervalsEqualPropTest() {
    for (String[] r : expected.get("wilson")) {
      ConfidenceInterval interval = Wilson.interval(Integer.parseInt(r[1]), Integer.parseInt(r[2]));
      assertThat(interval.lower()).isCloseTo(Double.parseDouble(r[3]), within(TOLERANCE));
      assertThat(interval.upper()).isCloseTo(Double.parseDouble(r[4]), within(TOLERANCE));
    }
  }

  private static void assertMedian(KaplanMeier km, String[] r) {
    assertThat(km.median()).isEqualTo(Integer.parseInt(r[1]));
    assertThat(km.medianInterval().lower()).isEqualTo(Double.parseDouble(r[2]));
    assertThat(km.medianInterval().upper()).isEqualTo(r[3].equals("NA") ? null : Double.parseDouble(r[3]));
  }

  private static void assertLogRank(LogRank.Result result, String[] r) {
    assertThat(result.chiSquare()).isCloseTo(Double.parseDouble(r[1]), within(1e-8));
    assertThat(result.degreesOfFreedom()).isEqualTo(Integer.parseInt(r[2]));
    assertThat(result.pValue()).isCloseTo(Double.parseDouble(r[3]), within(1e-10));
  }

  private static Map<String, List<KaplanMeier.Observation>> groups(java.util.function.Function<Row, String> key) {
    Map<String, List<KaplanMeier.Observation>> groups = new HashMap<>();
    for (Row r : rows) {
      groups.computeIfAbsent(key.apply(r), g -> new ArrayList<>()).add(new KaplanMeier.Observation(r.kmTime(), r.kmCleared()));
    }
    return groups;
  }

  private static KaplanMeier kaplanMeier(List<Row> of) {
    return new KaplanMeier(of.stream().map(r -> new KaplanMeier.Observation(r.kmTime(), r.kmCleared())).toList());
  }

  private static List<String> lines(String name) throws IOException {
    try (InputStream in = ReferenceFiguresTest.class.getResourceAsStream("/outcomes/reference/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
