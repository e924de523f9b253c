package com.kineticcasebook.projections.outcomes;

import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.ConfidenceInterval;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard.AtRisk;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByChain;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByClinician;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByModality;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByMonth;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByPrimaryCondition;
import com.kineticcasebook.outcomes.OutcomeDashboard.Comparison;
import com.kineticcasebook.outcomes.OutcomeDashboard.Counts;
import com.kineticcasebook.outcomes.OutcomeDashboard.IncidencePoint;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A clinic's current secondaries as columns of small numbers (days, and indexes into the clinic's
 * clinicians, condition codes and months), from which a dashboard for any onset range is computed
 * in two passes over the columns: the counts of each breakdown, and per day of follow-up the
 * clearances, censorings and competing outcomes the curves, intervals and tests are built from.
 * It gives exactly what {@link OutcomeStatistics} gives from the same secondaries
 * (CurrentOutcomeRowsTest); it only never builds a row object per secondary.
 */
final class OutcomeColumns {

  private static final int NONE = Integer.MIN_VALUE;
  private static final Classification[] CLASSIFICATIONS = Classification.values();
  private static final TreatmentModality[] MODALITIES = TreatmentModality.values();

  private final int size;
  private final int[] onset;
  private final int[] treated;
  private final int[] resolved;
  private final int[] closed;
  private final int[] own;
  private final byte[] classification;
  private final boolean[] linked;
  private final short[] clinician;
  private final short[] primaryCode;
  private final short[] secondaryCode;
  /** The modality's ordinal plus one; 0 when the primary was never treated. */
  private final byte[] modality;
  private final short[] month;
  private final UUID[] clinicians;
  private final String[] codes;
  private final String[] months;

  OutcomeColumns(SecondaryOutcome[] rows) {
    size = rows.length;
    onset = new int[size];
    treated = new int[size];
    resolved = new int[size];
    closed = new int[size];
    own = new int[size];
    classification = new byte[size];
    linked = new boolean[size];
    clinician = new short[size];
    primaryCode = new short[size];
    secondaryCode = new short[size];
    modality = new byte[size];
    month = new short[size];
    Map<UUID, Integer> clinicianIndex = new HashMap<>();
    Map<String, Integer> codeIndex = new HashMap<>();
    Map<String, Integer> monthIndex = new HashMap<>();
    List<String> codeList = new ArrayList<>();
    List<String> monthList = new ArrayList<>();
    List<UUID> clinicianList = new ArrayList<>();
    codeList.add(null);
    for (int i = 0; i < size; i++) {
      SecondaryOutcome s = rows[i];
      onset[i] = (int) s.secondaryOnsetOn().toEpochDay();
      treated[i] = day(s.primaryTreatedOn());
      resolved[i] = day(s.resolvedOn());
      closed[i] = day(s.caseClosedOn());
      own[i] = day(s.ownTreatmentStartedOn());
      classification[i] = (byte) s.classification().ordinal();
      linked[i] = s.linkedAfterClearance();
      clinician[i] = (short) (int) clinicianIndex.computeIfAbsent(s.clinicianId(), id -> {
        clinicianList.add(id);
        return clinicianList.size() - 1;
      });
      primaryCode[i] = code(s.primaryConditionCode(), codeIndex, codeList);
      secondaryCode[i] = code(s.secondaryConditionCode(), codeIndex, codeList);
      modality[i] = (byte) (s.primaryModality() == null ? 0 : s.primaryModality().ordinal() + 1);
      month[i] = (short) (int) monthIndex.computeIfAbsent(s.secondaryOnsetOn().toString().substring(0, 7), m -> {
        monthList.add(m);
        return monthList.size() - 1;
      });
    }
    clinicians = clinicianList.toArray(UUID[]::new);
    codes = codeList.toArray(String[]::new);
    months = monthList.toArray(String[]::new);
  }

  private static int day(LocalDate date) {
    return date == null ? NONE : (int) date.toEpochDay();
  }

  private static short code(String code, Map<String, Integer> index, List<String> list) {
    if (code == null) {
      return 0;
    }
    return (short) (int) index.computeIfAbsent(code, c -> {
      list.add(c);
      return list.size() - 1;
    });
  }

  int size() {
    return size;
  }

  /** Counts of one breakdown's group by classification; the curve's days when it has one. */
  private static final class Group {
    final int[] byClassification = new int[CLASSIFICATIONS.length];
    int total;
    int[] cleared;
    int[] censored;
    int onCurve;

    void count(int classification) {
      total++;
      byClassification[classification]++;
    }

    void follow(int day, boolean clearedThatDay) {
      onCurve++;
      (clearedThatDay ? cleared : censored)[day]++;
    }

    int clearedAfter() {
      return byClassification[Classification.CLEARED_AFTER_PRIMARY_TREATMENT.ordinal()];
    }

    Double rate() {
      return total == 0 ? null : (double) clearedAfter() / total;
    }

    ConfidenceInterval rateInterval() {
      return Wilson.interval(clearedAfter(), total);
    }

    KaplanMeier curve() {
      TreeMap<Integer, int[]> byDay = new TreeMap<>();
      if (cleared != null) {
        for (int d = 0; d < cleared.length; d++) {
          if (cleared[d] > 0 || censored[d] > 0) {
            byDay.put(d, new int[] {cleared[d], censored[d]});
          }
        }
      }
      return new KaplanMeier(byDay, onCurve);
    }
  }

  OutcomeDashboard dashboard(UUID clinicId, LocalDate from, LocalDate to, List<OutcomeStatistics.MeasureTally> measures,
      LocalDate today, Instant computedAt) {
    int first = from == null ? Integer.MIN_VALUE : (int) from.toEpochDay();
    int last = to == null ? Integer.MAX_VALUE : (int) to.toEpochDay();
    int todayDay = (int) today.toEpochDay();
    // Pass 1: each secondary's day on the curve (NONE when it is not on it) and the latest day.
    int[] curveDay = new int[size];
    boolean[] curveCleared = new boolean[size];
    int maxDay = 0;
    int linkedAfterClearance = 0;
    for (int i = 0; i < size; i++) {
      curveDay[i] = NONE;
      if (onset[i] < first || onset[i] > last) {
        continue;
      }
      if (linked[i]) {
        linkedAfterClearance++;
        continue;
      }
      int tP = treated[i];
      if (tP == NONE) {
        continue;
      }
      if (resolved[i] != NONE) {
        if (resolved[i] < tP) {
          continue;
        }
        curveDay[i] = resolved[i] - tP;
        curveCleared[i] = true;
      } else {
        curveDay[i] = Math.max(0, (closed[i] != NONE ? closed[i] : todayDay) - tP);
      }
      maxDay = Math.max(maxDay, curveDay[i]);
    }
    int days = maxDay + 1;
    Group overall = curveGroup(days);
    Group[] byPrimary = new Group[codes.length];
    Group[] byClinician = new Group[clinicians.length];
    Group[] byModality = new Group[MODALITIES.length + 1];
    Group[] byMonth = new Group[months.length];
    Group[] byChain = new Group[codes.length * codes.length];
    int[][] incidence = new int[3][days];
    int incidenceObservations = 0;
    // Pass 2: the counts of every group, and the curve's days of the groups with a curve.
    for (int i = 0; i < size; i++) {
      if (onset[i] < first || onset[i] > last || linked[i]) {
        continue;
      }
      int c = classification[i];
      Group primary = byPrimary[primaryCode[i]] == null
          ? (byPrimary[primaryCode[i]] = curveGroup(days)) : byPrimary[primaryCode[i]];
      Group clinicianGroup = byClinician[clinician[i]] == null
          ? (byClinician[clinician[i]] = curveGroup(days)) : byClinician[clinician[i]];
      Group modalityGroup = byModality[modality[i]] == null
          ? (byModality[modality[i]] = curveGroup(days)) : byModality[modality[i]];
      Group monthGroup = byMonth[month[i]] == null ? (byMonth[month[i]] = new Group()) : byMonth[month[i]];
      int pair = primaryCode[i] * codes.length + secondaryCode[i];
      Group chain = byChain[pair] == null ? (byChain[pair] = new Group()) : byChain[pair];
      overall.count(c);
      primary.count(c);
      clinicianGroup.count(c);
      modalityGroup.count(c);
      monthGroup.count(c);
      chain.count(c);
      int d = curveDay[i];
      if (d == NONE) {
        continue;
      }
      boolean cleared = curveCleared[i];
      overall.follow(d, cleared);
      primary.follow(d, cleared);
      clinicianGroup.follow(d, cleared);
      modalityGroup.follow(d, cleared);
      int endOfFollowUp = resolved[i] != NONE ? resolved[i] : (closed[i] != NONE ? closed[i] : todayDay);
      incidenceObservations++;
      if (own[i] != NONE && own[i] <= endOfFollowUp) {
        incidence[CumulativeIncidence.Outcome.OWN_TREATMENT.ordinal()][Math.max(0, own[i] - treated[i])]++;
      } else {
        incidence[(curveCleared[i] ? CumulativeIncidence.Outcome.CLEARED_WITHOUT_OWN_TREATMENT
            : CumulativeIncidence.Outcome.CENSORED).ordinal()][d]++;
      }
    }

    KaplanMeier overallCurve = overall.curve();
    List<ByPrimaryCondition> primaryRows = new ArrayList<>();
    for (int code = 0; code < byPrimary.length; code++) {
      Group g = byPrimary[code];
      if (g != null) {
        KaplanMeier curve = g.curve();
        primaryRows.add(new ByPrimaryCondition(codes[code], g.total, g.clearedAfter(), curve.median(), g.rate(),
            g.rateInterval(), curve.medianInterval(), OutcomeDashboard.insufficient(g.total)));
      }
    }
    primaryRows.sort(Comparator.comparingInt(ByPrimaryCondition::secondaries).reversed()
        .thenComparing(ByPrimaryCondition::conditionCode, OutcomeStatistics.KEYS));
    List<ByChain> chainRows = new ArrayList<>();
    for (int pair = 0; pair < byChain.length; pair++) {
      Group g = byChain[pair];
      if (g != null) {
        chainRows.add(new ByChain(codes[pair / codes.length], codes[pair % codes.length], g.total, g.clearedAfter(),
            g.rate(), g.rateInterval(), OutcomeDashboard.insufficient(g.total)));
      }
    }
    chainRows.sort(Comparator.comparingInt(ByChain::count).reversed()
        .thenComparing(ByChain::primaryConditionCode, OutcomeStatistics.KEYS)
        .thenComparing(ByChain::secondaryConditionCode, OutcomeStatistics.KEYS));
    List<ByClinician> clinicianRows = new ArrayList<>();
    Map<String, Group> clinicianTest = new TreeMap<>();
    for (int index = 0; index < byClinician.length; index++) {
      Group g = byClinician[index];
      if (g != null) {
        KaplanMeier curve = g.curve();
        clinicianRows.add(new ByClinician(clinicians[index], g.total, g.clearedAfter(), g.rate(), curve.median(),
            g.rateInterval(), curve.medianInterval(), OutcomeDashboard.insufficient(g.total)));
        clinicianTest.put(clinicians[index].toString(), g);
      }
    }
    clinicianRows.sort(Comparator.comparingInt(ByClinician::secondaries).reversed()
        .thenComparing(ByClinician::clinicianId, Comparator.nullsLast(Comparator.<UUID>naturalOrder())));
    List<ByModality> modalityRows = new ArrayList<>();
    Map<String, Group> modalityTest = new TreeMap<>();
    for (int index = 0; index < byModality.length; index++) {
      Group g = byModality[index];
      if (g != null) {
        String name = index == 0 ? null : MODALITIES[index - 1].name();
        KaplanMeier curve = g.curve();
        modalityRows.add(new ByModality(name, g.total, g.clearedAfter(), curve.median(), g.rate(), g.rateInterval(),
            curve.medianInterval(), OutcomeDashboard.insufficient(g.total)));
        if (name != null) {
          modalityTest.put(name, g);
        }
      }
    }
    modalityRows.sort(Comparator.comparingInt(ByModality::secondaries).reversed()
        .thenComparing(ByModality::modality, OutcomeStatistics.KEYS));
    List<ByMonth> monthRows = new ArrayList<>();
    for (int index = 0; index < byMonth.length; index++) {
      Group g = byMonth[index];
      if (g != null) {
        monthRows.add(new ByMonth(months[index], g.total, g.clearedAfter(), g.rate(), g.rateInterval(),
            OutcomeDashboard.insufficient(g.total)));
      }
    }
    monthRows.sort(Comparator.comparing(ByMonth::month));

    Counts counts = new Counts(overall.total, overall.clearedAfter(),
        overall.byClassification[Classification.CLEARED_WITH_DIRECT_TREATMENT.ordinal()],
        overall.byClassification[Classification.CLEARED_BEFORE_PRIMARY_TREATMENT.ordinal()],
        overall.byClassification[Classification.UNRESOLVED.ordinal()]);
    return new OutcomeDashboard(clinicId, from, to, counts, overall.rate(), overallCurve.median(), primaryRows,
        chainRows, clinicianRows, modalityRows, monthRows, OutcomeStatistics.byInstrument(measures),
        overallCurve.curve(), linkedAfterClearance, overall.rateInterval(), overallCurve.medianInterval(),
        OutcomeDashboard.insufficient(overall.total),
        OutcomeStatistics.AT_RISK_DAYS.stream().map(day -> new AtRisk(day, overallCurve.atRisk(day))).toList(),
        incidence(incidence, incidenceObservations), comparison(modalityTest), comparison(clinicianTest), computedAt);
  }

  private static Group curveGroup(int days) {
    Group g = new Group();
    g.cleared = new int[days];
    g.censored = new int[days];
    return g;
  }

  private static List<IncidencePoint> incidence(int[][] byOutcome, int observations) {
    if (observations == 0) {
      return List.of();
    }
    TreeMap<Integer, int[]> byDay = new TreeMap<>();
    for (int d = 0; d < byOutcome[0].length; d++) {
      if (byOutcome[0][d] > 0 || byOutcome[1][d] > 0 || byOutcome[2][d] > 0) {
        byDay.put(d, new int[] {byOutcome[0][d], byOutcome[1][d], byOutcome[2][d]});
      }
    }
    CumulativeIncidence incidence = new CumulativeIncidence(byDay, observations);
    return OutcomeStatistics.INCIDENCE_DAYS.stream().map(incidence::at)
        .map(p -> new IncidencePoint(p.day(), p.clearedWithoutOwnTreatment(), p.ownTreatment())).toList();
  }

  /** The log-rank test over the groups with enough secondaries on the curve, in the order of their keys. */
  private static Comparison comparison(Map<String, Group> groups) {
    List<String> keys = new ArrayList<>();
    List<Group> tested = new ArrayList<>();
    groups.forEach((key, g) -> {
      if (!OutcomeDashboard.insufficient(g.onCurve)) {
        keys.add(key);
        tested.add(g);
      }
    });
    int k = keys.size();
    if (k < 2) {
      return null;
    }
    TreeMap<Integer, double[][]> byDay = new TreeMap<>();
    double[] atRisk = new double[k];
    int days = tested.get(0).cleared.length;
    for (int g = 0; g < k; g++) {
      Group group = tested.get(g);
      atRisk[g] = group.onCurve;
      for (int d = 0; d < days; d++) {
        int leaving = group.cleared[d] + group.censored[d];
        if (leaving > 0) {
          double[][] counts = byDay.computeIfAbsent(d, day -> new double[2][k]);
          counts[0][g] += group.cleared[d];
          counts[1][g] += leaving;
        }
      }
    }
    LogRank.Result result = LogRank.test(keys, byDay, atRisk);
    return result == null ? null
        : new Comparison(result.groups(), result.chiSquare(), result.degreesOfFreedom(), result.pValue());
  }
}
