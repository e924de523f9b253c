package com.kineticcasebook.generator;

import static com.kineticcasebook.generator.Weighted.w;

import com.kineticcasebook.generator.CaseGenerator.Clinician;
import com.kineticcasebook.generator.CaseGenerator.GeneratedCase;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.patientcase.CloseCase;
import com.kineticcasebook.patientcase.GaitFindings;
import com.kineticcasebook.patientcase.HypothesisePrimary;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.patientcase.RecordGaitFilming;
import com.kineticcasebook.patientcase.RecordOutcomeMeasure;
import com.kineticcasebook.patientcase.RecordingId;
import com.kineticcasebook.patientcase.ReportInjury;
import com.kineticcasebook.patientcase.ResolveInjury;
import com.kineticcasebook.patientcase.StartTreatment;
import com.kineticcasebook.patientcase.TreatmentId;
import com.kineticcasebook.patientcase.UserId;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one case: plans its clinical course on a calendar, cuts it at today (and at closure for
 * a closed case), then maybe corrects one entry. Everything after today is planned too and then
 * dropped, so a late recovery becomes an unresolved injury, exactly as censoring works in a clinic.
 */
final class CaseScript {

  private static final double CHAIN_SHARE = 0.70;
  private static final double SECOND_SECONDARY = 0.35;
  private static final double CHAIN_FILMED = 0.85;
  private static final double SINGLE_FILMED = 0.30;
  private static final double SINGLE_TREATED = 0.90;
  private static final double PRIMARY_RESOLVES = 0.80;
  private static final double SINGLE_RESOLVES = 0.75;
  private static final double CLOSED = 0.40;
  private static final double LOST_TO_FOLLOW_UP = 0.20;
  private static final double ONE_ENTRY_IN_ERROR = 0.05;
  private static final double SECONDARY_MEASURED = 0.70;
  private static final double PSFS_USED = 0.25;
  /**
   * Chains of one secondary whose link is stated only at a review after the secondary had cleared:
   * a few percent of secondaries, left out of the outcome figures as linked after clearance.
   */
  private static final double LINKED_AFTER_CLEARANCE = 0.06;

  /** Recovery medians in days; running-injury cohorts report a median of about 8-10 weeks. */
  private static final double PRIMARY_RECOVERY_MEDIAN = 70;
  private static final double SECONDARY_RECOVERY_MEDIAN = 58;
  private static final double DIRECT_RECOVERY_MEDIAN = 35;
  private static final double SINGLE_RECOVERY_MEDIAN = 55;
  private static final double RECOVERY_SPREAD = 0.55;

  /**
   * Intended course of a secondary. Censoring at today (recent cases) and at closure turns about
   * a sixth of the resolving courses into unresolved ones, so the unresolved weight is well below
   * the ~20 % of unresolved secondaries the data ends with.
   */
  private enum Course {
    CLEARS_AFTER_PRIMARY_TREATMENT,
    NEEDS_DIRECT_TREATMENT,
    CLEARS_BEFORE_PRIMARY_TREATMENT,
    STAYS_UNRESOLVED
  }

  private static final List<Weighted<Course>> COURSES = List.of(
      w(Course.CLEARS_AFTER_PRIMARY_TREATMENT, 67), w(Course.NEEDS_DIRECT_TREATMENT, 25),
      w(Course.CLEARS_BEFORE_PRIMARY_TREATMENT, 5), w(Course.STAYS_UNRESOLVED, 3));

  /** How an outcome score moves from its first value to the value at recovery. */
  private record ScoreCurve(OutcomeInstrument instrument, LocalDate start, long recoveryDays, double first,
      double last) {

    double at(LocalDate date) {
      double progress = Math.min(1.0, Math.max(0.0, (double) days(start, date) / recoveryDays));
      double score = first + (last - first) * Math.pow(progress, 0.8);
      return instrument.integerScores() ? Math.round(score) : Math.round(score * 10) / 10.0;
    }
  }

  private final Draws draws;
  private final LocalDate today;
  private final Clinician clinician;
  private final String patientRef;
  private final Timeline timeline = new Timeline();
  private final List<PlannedInjury> injuries = new ArrayList<>();
  private CaseId caseId;
  private GaitFindings findings;

  CaseScript(Draws draws, LocalDate today, Clinician clinician, String patientRef) {
    this.draws = draws;
    this.today = today;
    this.clinician = clinician;
    this.patientRef = patientRef;
  }

  GeneratedCase write() {
    caseId = new CaseId(draws.uuid());
    LocalDate openedOn = today.minusDays(draws.between(10, 400));
    timeline.add(openedOn, Timeline.OPEN, new OpenCase(caseId, new ClinicId(clinician.clinicId()), patientRef,
        new UserId(clinician.userId()), openedOn));
    LocalDate careStarted = draws.chance(CHAIN_SHARE) ? chain(openedOn) : single(openedOn);
    timeline.dropAfter(today);
    LocalDate lastPossible = draws.chance(CLOSED) ? close(careStarted) : today;
    if (draws.chance(ONE_ENTRY_IN_ERROR)) {
      markOneEntryInError(lastPossible);
    }
    return new GeneratedCase(clinician, timeline.commands());
  }

  /** A primary lower-leg or foot injury with one or two secondaries; returns the day its treatment starts. */
  private LocalDate chain(LocalDate openedOn) {
    String primaryCode = draws.pick(ClinicalPatterns.CHAIN_PRIMARIES);
    PlannedInjury primary = report(primaryCode, sideOf(primaryCode), openedOn.minusDays(draws.between(14, 150)),
        draws.between(3, 7), openedOn);
    List<PlannedInjury> secondaries = reportSecondaries(primary, openedOn);
    LocalDate assessedOn = openedOn;
    RecordingId recording = null;
    if (draws.chance(CHAIN_FILMED)) {
      assessedOn = openedOn.plusDays(draws.between(0, 7));
      recording = film(assessedOn, primary.side(), true);
    }
    boolean hindsight = secondaries.size() == 1 && draws.chance(LINKED_AFTER_CLEARANCE)
        && !assessedOn.plusDays(34).isAfter(today);
    // Usually stated at the assessment, the first visit with both injuries in view.
    LocalDate clearedOn = hindsight ? assessedOn.plusDays(draws.between(3, 20)) : null;
    LocalDate hypothesisedOn = hindsight ? clearedOn.plusDays(draws.between(1, 14)) : assessedOn;
    timeline.add(hypothesisedOn, Timeline.HYPOTHESIS, new HypothesisePrimary(caseId, primary.id(),
        secondaries.stream().map(PlannedInjury::id).toList(), rationale(primary, secondaries),
        recording == null ? null : List.of(recording), hypothesisedOn));

    List<Course> courses = secondaries.stream().map(secondary -> draws.pick(COURSES)).toList();
    // A secondary can only clear before the treatment if there is a wait for it: a treatment slot.
    int wait = courses.contains(Course.CLEARS_BEFORE_PRIMARY_TREATMENT) ? draws.between(7, 21) : draws.between(0, 10);
    LocalDate treatedOn = earliest(today, assessedOn.plusDays(wait));
    treat(primary, treatedOn);
    LocalDate primaryResolved = null;
    if (draws.chance(PRIMARY_RESOLVES)) {
      primaryResolved = treatedOn.plusDays(draws.lognormalDays(PRIMARY_RECOVERY_MEDIAN, RECOVERY_SPREAD, 14));
      // The hypothesis names the primary, so it was still open when the hypothesis was stated.
      primaryResolved = primaryResolved.isAfter(hypothesisedOn) ? primaryResolved : hypothesisedOn.plusDays(7);
      resolve(primary, primaryResolved, "Back to full training without pain");
    }
    measureOverTime(primary, assessedOn, primaryResolved);
    if (hindsight) {
      PlannedInjury secondary = secondaries.get(0);
      // Told at the review where the link was stated: recorded then, dated when it cleared.
      timeline.add(hypothesisedOn, Timeline.RESOLUTION, new ResolveInjury(caseId, secondary.id(), clearedOn,
          "Had settled before this review, by the patient's account"));
      if (draws.chance(SECONDARY_MEASURED)) {
        measureBeforeAndAfter(secondary, assessedOn, clearedOn);
      }
      return treatedOn;
    }
    for (int i = 0; i < secondaries.size(); i++) {
      LocalDate resolved = follow(secondaries.get(i), courses.get(i), primary, assessedOn, treatedOn);
      if (draws.chance(SECONDARY_MEASURED)) {
        measureBeforeAndAfter(secondaries.get(i), assessedOn, resolved);
      }
    }
    return treatedOn;
  }

  private List<PlannedInjury> reportSecondaries(PlannedInjury primary, LocalDate openedOn) {
    int count = draws.chance(SECOND_SECONDARY) ? 2 : 1;
    List<String> codes = new ArrayList<>();
    while (codes.size() < count) {
      String code = draws.pick(ClinicalPatterns.secondariesAfter(primary.conditionCode()));
      if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    List<PlannedInjury> secondaries = new ArrayList<>();
    long sincePrimary = days(primary.onsetOn(), openedOn);
    for (String code : codes) {
      // The secondary follows the primary by days to weeks of running on it, and came before the visit.
      LocalDate onset = primary.onsetOn().plusDays(Math.min(sincePrimary, draws.between(5, 60)));
      secondaries.add(report(code, secondarySide(code, primary), onset, draws.between(2, 6), openedOn));
    }
    return secondaries;
  }

  /** Plans a secondary's course; returns the day it resolves, or null when it is not planned to. */
  private LocalDate follow(PlannedInjury secondary, Course course, PlannedInjury primary, LocalDate assessedOn,
      LocalDate treatedOn) {
    if (course == Course.CLEARS_BEFORE_PRIMARY_TREATMENT && treatedOn.isAfter(assessedOn)) {
      LocalDate resolved = assessedOn.plusDays(draws.between(0, (int) days(assessedOn, treatedOn) - 1));
      resolve(secondary, resolved, "Settled with advice before the " + primary.describe() + " was treated");
      return resolved;
    }
    if (course == Course.NEEDS_DIRECT_TREATMENT) {
      LocalDate directOn = treatedOn.plusDays(draws.between(14, 42));
      treat(secondary, directOn);
      LocalDate resolved = directOn.plusDays(draws.lognormalDays(DIRECT_RECOVERY_MEDIAN, RECOVERY_SPREAD, 7));
      resolve(secondary, resolved, "Cleared after treating it directly");
      return resolved;
    }
    if (course == Course.STAYS_UNRESOLVED) {
      return null;
    }
    // Clears after the primary's treatment; also the fallback when there was no wait for treatment.
    LocalDate resolved = treatedOn.plusDays(draws.lognormalDays(SECONDARY_RECOVERY_MEDIAN, RECOVERY_SPREAD, 7));
    resolve(secondary, resolved,
        "Cleared without treatment of its own while the " + primary.describe() + " was treated");
    return resolved;
  }

  /** One injury, no hypothesis; returns the day care started (treatment, else assessment). */
  private LocalDate single(LocalDate openedOn) {
    String code = draws.pick(ClinicalPatterns.SINGLE_INJURIES);
    PlannedInjury injury =
        report(code, sideOf(code), openedOn.minusDays(draws.between(3, 90)), draws.between(3, 8), openedOn);
    LocalDate assessedOn = openedOn;
    if (draws.chance(SINGLE_FILMED)) {
      assessedOn = openedOn.plusDays(draws.between(0, 7));
      film(assessedOn, injury.side(), draws.chance(0.5));
    }
    LocalDate careStarted = assessedOn;
    if (draws.chance(SINGLE_TREATED)) {
      careStarted = earliest(today, assessedOn.plusDays(draws.between(0, 7)));
      treat(injury, careStarted);
    }
    LocalDate resolved = null;
    if (draws.chance(SINGLE_RESOLVES)) {
      resolved = careStarted.plusDays(draws.lognormalDays(SINGLE_RECOVERY_MEDIAN, RECOVERY_SPREAD, 7));
      resolve(injury, resolved, "Back to running pain free");
    }
    measureOverTime(injury, assessedOn, resolved);
    return careStarted;
  }

  private PlannedInjury report(String code, Side side, LocalDate onsetOn, int painScore, LocalDate reportedOn) {
    PlannedInjury injury = new PlannedInjury(new InjuryId(draws.uuid()), code, side, onsetOn, painScore);
    String where = switch (side) {
      case LEFT -> "; left side";
      case RIGHT -> "; right side";
      case BILATERAL -> "; both sides";
      case NOT_APPLICABLE -> "";
    };
    timeline.add(reportedOn, Timeline.REPORT, new ReportInjury(caseId, injury.id(), injury.region(), side, code,
        ClinicalPatterns.symptoms(code) + where, onsetOn, painScore));
    injuries.add(injury);
    return injury;
  }

  private Side sideOf(String code) {
    if (code.equals("LOW_BACK_PAIN")) {
      return Side.NOT_APPLICABLE;
    }
    if (ClinicalPatterns.oftenBilateral(code) && draws.chance(0.08)) {
      return Side.BILATERAL;
    }
    return draws.oneOf(Side.LEFT, Side.RIGHT);
  }

  /**
   * The side of a secondary: guarding one leg overloads the other (contralateral) or the same
   * leg's upper chain. Hip flexor pain after plantar fasciitis is mostly on the other side.
   */
  private Side secondarySide(String code, PlannedInjury primary) {
    if (code.equals("LOW_BACK_PAIN")) {
      return Side.NOT_APPLICABLE;
    }
    if (primary.side() != Side.LEFT && primary.side() != Side.RIGHT) {
      return draws.oneOf(Side.LEFT, Side.RIGHT);
    }
    boolean hipAfterHeel = code.equals("HIP_FLEXOR_STRAIN") && primary.conditionCode().equals("PLANTAR_FASCIITIS");
    return draws.chance(hipAfterHeel ? 0.8 : 0.55) ? opposite(primary.side()) : primary.side();
  }

  private RecordingId film(LocalDate filmedOn, Side guarded, boolean antalgic) {
    RecordingId recording = new RecordingId(draws.uuid());
    findings = antalgic ? antalgicFindings(guarded) : normalFindings();
    GaitView view = draws.pick(List.of(w(GaitView.POSTERIOR, 45), w(sagittal(guarded), 40), w(GaitView.ANTERIOR, 15)));
    RunningSurface surface = draws.pick(List.of(w(RunningSurface.TREADMILL, 70), w(RunningSurface.ROAD, 10),
        w(RunningSurface.TRACK, 10), w(RunningSurface.INDOOR_OVERGROUND, 10)));
    timeline.add(filmedOn, Timeline.FILM, new RecordGaitFilming(caseId, recording, filmedOn, view, surface, findings));
    return recording;
  }

  /** A runner guarding a painful side: shorter stance, later push-off, often a hip hike and some trunk lean. */
  private GaitFindings antalgicFindings(Side guarded) {
    Side hipHike = null;
    if (guarded == Side.LEFT || guarded == Side.RIGHT) {
      // null: no hip hike seen
      hipHike = draws.pick(List.of(w(guarded, 60), w(opposite(guarded), 25), w((Side) null, 15)));
    } else if (draws.chance(0.5)) {
      hipHike = draws.oneOf(Side.LEFT, Side.RIGHT);
    }
    return new GaitFindings(true, draws.decimal(3, 15), draws.between(20, 80),
        hipHike, draws.decimal(0, 5), draws.between(150, 185));
  }

  private GaitFindings normalFindings() {
    return new GaitFindings(false, draws.decimal(0, 3), draws.between(0, 15), null, draws.decimal(0, 1.5),
        draws.between(155, 190));
  }

  private String rationale(PlannedInjury primary, List<PlannedInjury> secondaries) {
    StringBuilder text = new StringBuilder("Guarding the ").append(primary.describe()).append(": ");
    if (findings != null) {
      text.append(String.format(Locale.ROOT,
          "antalgic gait on film, %.1f %% stance-time asymmetry and push-off %d ms late on the guarded side",
          findings.stanceAsymmetryPct(), findings.pushOffDelayMs()));
    } else {
      text.append("history of running through it; gait not filmed yet");
    }
    for (PlannedInjury secondary : secondaries) {
      long weeks = Math.max(1, days(primary.onsetOn(), secondary.onsetOn()) / 7);
      text.append(". The ").append(secondary.describe()).append(" began ").append(weeks)
          .append(weeks == 1 ? " week" : " weeks").append(" later");
    }
    text.append(secondaries.size() == 1 ? ", so it is treated" : ", so both are treated");
    return text.append(" as secondary to the ").append(primary.describe()).append('.').toString();
  }

  private void treat(PlannedInjury target, LocalDate startedOn) {
    TreatmentModality modality = draws.pick(ClinicalPatterns.modalitiesFor(target.region()));
    timeline.add(startedOn, Timeline.TREATMENT, new StartTreatment(caseId, new TreatmentId(draws.uuid()), target.id(),
        modality, ClinicalPatterns.plan(modality, target.describe()), startedOn));
  }

  private void resolve(PlannedInjury injury, LocalDate resolvedOn, String note) {
    timeline.add(resolvedOn, Timeline.RESOLUTION, new ResolveInjury(caseId, injury.id(), resolvedOn, note));
  }

  /** Scores at the first visit and every three to five weeks until two weeks after recovery. */
  private void measureOverTime(PlannedInjury injury, LocalDate firstOn, LocalDate recoveredOn) {
    List<ScoreCurve> curves = curves(injury, firstOn, recoveredOn, draws.chance(PSFS_USED));
    LocalDate stopOn = recoveredOn != null ? recoveredOn.plusDays(14) : firstOn.plusDays(150);
    LocalDate on = firstOn;
    for (int visit = 0; visit < 5 && !on.isAfter(stopOn); visit++) {
      measure(injury, curves, on);
      on = on.plusDays(draws.between(21, 35));
    }
  }

  /** A secondary is scored at the first visit and once more, at recovery or six weeks on. */
  private void measureBeforeAndAfter(PlannedInjury injury, LocalDate firstOn, LocalDate recoveredOn) {
    List<ScoreCurve> curves = curves(injury, firstOn, recoveredOn, false);
    measure(injury, curves, firstOn);
    LocalDate secondOn = recoveredOn != null ? recoveredOn : firstOn.plusDays(42);
    if (secondOn.isAfter(firstOn)) {
      measure(injury, curves, secondOn);
    }
  }

  private void measure(PlannedInjury injury, List<ScoreCurve> curves, LocalDate on) {
    for (ScoreCurve curve : curves) {
      timeline.add(on, Timeline.MEASURE,
          new RecordOutcomeMeasure(caseId, injury.id(), curve.instrument(), curve.at(on), on));
    }
  }

  /** NPRS always, the region's own instrument where there is one, PSFS when asked; all improve to recovery. */
  private List<ScoreCurve> curves(PlannedInjury injury, LocalDate firstOn, LocalDate recoveredOn, boolean psfs) {
    // An injury that does not recover in sight improves slowly: as if it would take half a year.
    long recoveryDays = recoveredOn != null ? Math.max(1, days(firstOn, recoveredOn)) : 180;
    List<ScoreCurve> curves = new ArrayList<>();
    int pain = injury.painScore();
    curves.add(new ScoreCurve(OutcomeInstrument.NPRS, firstOn, recoveryDays, pain,
        Math.min(pain, draws.between(0, 2))));
    OutcomeInstrument regional = ClinicalPatterns.regionalInstrument(injury.region());
    if (regional != null) {
      curves.add(regionalCurve(regional, firstOn, recoveryDays));
    }
    if (psfs) {
      curves.add(new ScoreCurve(OutcomeInstrument.PSFS, firstOn, recoveryDays, draws.decimal(2, 5),
          draws.decimal(7.5, 9.5)));
    }
    return curves;
  }

  private ScoreCurve regionalCurve(OutcomeInstrument instrument, LocalDate firstOn, long recoveryDays) {
    return switch (instrument) {
      case VISA_A -> new ScoreCurve(instrument, firstOn, recoveryDays, draws.between(30, 60), draws.between(80, 95));
      case LEFS -> new ScoreCurve(instrument, firstOn, recoveryDays, draws.between(35, 58), draws.between(68, 79));
      case ODI -> new ScoreCurve(instrument, firstOn, recoveryDays, draws.between(18, 40), draws.between(2, 10));
      default -> throw new IllegalArgumentException("No regional curve for " + instrument);
    };
  }

  /**
   * Closes the case: mostly on discharge after the last treatment or resolution, sometimes when the
   * patient stops coming. Anything planned later is dropped, so open injuries are censored at closure.
   */
  private LocalDate close(LocalDate careStarted) {
    LocalDate closedOn;
    String reason;
    if (draws.chance(LOST_TO_FOLLOW_UP)) {
      closedOn = careStarted.plusDays(draws.between(21, 120));
      reason = "Did not return for follow-up";
    } else {
      LocalDate lastCare = timeline.lastDate(Timeline.TREATMENT, Timeline.RESOLUTION);
      closedOn = (lastCare == null ? careStarted : lastCare).plusDays(draws.between(0, 21));
      reason = "Discharged to self-management";
    }
    closedOn = earliest(today, closedOn);
    timeline.dropAfter(closedOn);
    timeline.add(closedOn, Timeline.CLOSE, new CloseCase(caseId, closedOn, reason, true));
    return closedOn;
  }

  /** Half the time a resolution recorded too early (when there is one), else an outcome score entered wrongly. */
  private void markOneEntryInError(LocalDate lastPossible) {
    List<Step> resolutions = timeline.inPhase(Timeline.RESOLUTION);
    if (!resolutions.isEmpty() && draws.chance(0.5)) {
      markResolution(resolutions.get(draws.between(0, resolutions.size() - 1)), lastPossible);
      return;
    }
    List<Step> measures = timeline.inPhase(Timeline.MEASURE);
    if (!measures.isEmpty()) {
      markMeasure(measures.get(draws.between(0, measures.size() - 1)));
    }
  }

  /** The injury is open again once the mark is sent, and resolves again later if that is still within the case. */
  private void markResolution(Step resolution, LocalDate lastPossible) {
    ResolveInjury resolved = (ResolveInjury) resolution.command();
    LocalDate markedOn = earliest(lastPossible, resolution.date().plusDays(draws.between(0, 10)));
    timeline.markInError(markedOn, Timeline.RESOLUTION + 1, resolution,
        "Recorded as resolved too early; symptoms returned");
    LocalDate againOn = markedOn.plusDays(draws.between(7, 35));
    if (!againOn.isAfter(lastPossible)) {
      timeline.add(againOn, Timeline.RESOLUTION,
          new ResolveInjury(caseId, resolved.injuryId(), againOn, "Resolved on review after the setback"));
    }
  }

  /**
   * A score first typed against the wrong injury (or, in a one-injury case, mistyped), marked in
   * error at once; the correct entry follows on the same day.
   */
  private void markMeasure(Step measure) {
    RecordOutcomeMeasure right = (RecordOutcomeMeasure) measure.command();
    List<PlannedInjury> others =
        injuries.stream().filter(injury -> !injury.id().equals(right.injuryId())).toList();
    RecordOutcomeMeasure wrong;
    String reason;
    if (!others.isEmpty()) {
      InjuryId other = others.get(draws.between(0, others.size() - 1)).id();
      wrong = new RecordOutcomeMeasure(caseId, other, right.instrument(), right.score(), right.measuredOn());
      reason = "Entered on the wrong injury";
    } else {
      wrong = new RecordOutcomeMeasure(caseId, right.injuryId(), right.instrument(), mistyped(right),
          right.measuredOn());
      reason = "Wrong score typed; re-entered";
    }
    Step mistake = timeline.add(measure.date(), Timeline.MEASURE - 2, wrong);
    timeline.markInError(measure.date(), Timeline.MEASURE - 1, mistake, reason);
  }

  /** A slip of the keyboard: the score mirrored within its range, or the maximum where mirroring changes nothing. */
  private static double mistyped(RecordOutcomeMeasure measure) {
    OutcomeInstrument instrument = measure.instrument();
    double mirrored = instrument.max() + instrument.min() - measure.score();
    return mirrored == measure.score() ? instrument.max() : mirrored;
  }

  private static Side opposite(Side side) {
    return side == Side.LEFT ? Side.RIGHT : Side.LEFT;
  }

  private static GaitView sagittal(Side side) {
    return side == Side.RIGHT ? GaitView.SAGITTAL_RIGHT : GaitView.SAGITTAL_LEFT;
  }

  private static LocalDate earliest(LocalDate one, LocalDate other) {
    return one.isBefore(other) ? one : other;
  }

  private static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }
}
