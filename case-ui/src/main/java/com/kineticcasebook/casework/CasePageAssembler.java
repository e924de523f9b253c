package com.kineticcasebook.casework;

import com.kineticcasebook.caseload.CaseTimeline;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.TimelineEntry;
import com.kineticcasebook.patientcase.CaseEventType;
import com.kineticcasebook.patientcase.GaitFindings;
import com.kineticcasebook.patientcase.GaitVideo;
import com.kineticcasebook.reference.Wording;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps a case's read models into the words of the case page: injuries named by condition and
 * side, the hypothesis as a sentence, the timeline with who recorded each entry.
 */
final class CasePageAssembler {

  private static final DateTimeFormatter RECORDED_AT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

  private final ZoneId zone;
  private final Function<String, String> userNames;

  /**
   * @param zone the clinics' zone, in which recording times are shown
   * @param userNames the name to show for a user id
   */
  CasePageAssembler(ZoneId zone, Function<String, String> userNames) {
    this.zone = zone;
    this.userNames = userNames;
  }

  CasePage assemble(CaseView view, CaseTimeline timeline, String clinicName) {
    Map<UUID, CaseView.Injury> injuries = view.injuries().stream()
        .collect(Collectors.toMap(CaseView.Injury::injuryId, Function.identity(), (a, b) -> a));
    Function<UUID, String> name = id -> injuries.containsKey(id) ? name(injuries.get(id)) : "an injury";
    return new CasePage(view.caseId(), view.patientRef(), clinicName,
        view.status() == com.kineticcasebook.caseload.CaseStatus.OPEN, view.openedOn(), view.closedOn(),
        hypothesis(view, name),
        view.injuries().stream().map(CasePageAssembler::injury).toList(),
        view.gaitRecordings().stream().map(CasePageAssembler::recording).toList(),
        view.treatments().stream().map(t -> new CasePage.TreatmentRow(t.modality().label(),
            name.apply(t.targetInjuryId()), t.plan(), t.startedOn())).toList(),
        view.outcomeMeasures().stream().map(m -> new CasePage.MeasureRow(name.apply(m.injuryId()),
            m.instrument().name(), Wording.score(m.score()) + " / " + m.instrument().max(), m.measuredOn())).toList(),
        timeline.entries().stream().map(this::timelineRow).toList());
  }

  static String name(CaseView.Injury injury) {
    return Wording.injury(injury.bodyRegion(), injury.side(), injury.conditionCode());
  }


  /** The current hypothesis in one sentence: "Primary: X → secondaries: Y, Z". */
  static CasePage.Hypothesis hypothesis(CaseView view, Function<UUID, String> name) {
    return view.hypotheses().stream().filter(CaseView.Hypothesis::current).findFirst()
        .map(h -> {
          String primary = name.apply(h.primaryInjuryId());
          List<String> secondaries = h.secondaryInjuryIds().stream().map(name).toList();
          String words = "Primary: " + primary + " → " + (secondaries.size() == 1 ? "secondary: " : "secondaries: ")
              + String.join(", ", secondaries);
          return new CasePage.Hypothesis(primary, secondaries, h.rationale(), words, h.hypothesisedOn());
        })
        .orElse(null);
  }

  private static CasePage.InjuryRow injury(CaseView.Injury injury) {
    return new CasePage.InjuryRow(injury.injuryId(), name(injury), injury.bodyRegion().label(), injury.side().label(),
        injury.role().name(), injury.status() == CaseView.InjuryStatus.OPEN, injury.onsetOn(), injury.resolvedOn(),
        injury.painScore(), injury.description(), injury.bodyRegion(), injury.side());
  }

  static CasePage.RecordingRow recording(CaseView.GaitRecording recording) {
    GaitFindings f = recording.findings();
    List<String> findings = new ArrayList<>();
    if (f != null) {
      if (f.stanceAsymmetryPct() != null) {
        findings.add("Stance asymmetry " + Wording.score(f.stanceAsymmetryPct()) + " %");
      }
      if (f.pushOffDelayMs() != null) {
        findings.add("Push-off delay " + f.pushOffDelayMs() + " ms");
      }
      if (f.hipHikeSide() != null) {
        findings.add("Hip hike " + f.hipHikeSide().label().toLowerCase(Locale.ROOT));
      }
      if (f.trunkLeanCm() != null) {
        findings.add("Trunk lean " + Wording.score(f.trunkLeanCm()) + " cm");
      }
      if (f.cadenceSpm() != null) {
        findings.add("Cadence " + f.cadenceSpm() + " spm");
      }
    }
    GaitVideo video = recording.video();
    return new CasePage.RecordingRow(recording.recordingId(), recording.filmedOn(), recording.view().label(),
        recording.surface().label(), f != null && Boolean.TRUE.equals(f.antalgic()), findings,
        video == null ? null : video.contentType(), video == null ? null : size(video.sizeBytes()));
  }

  private CasePage.TimelineRow timelineRow(TimelineEntry entry) {
    return new CasePage.TimelineRow(entry.eventId(), entry.type(), entry.occurredOn(),
        RECORDED_AT.format(entry.recordedAt().atZone(zone)),
        entry.recordedBy() == null ? "unknown" : userNames.apply(entry.recordedBy()), entry.summary(),
        entry.enteredInError(), entry.errorReason(),
        !entry.enteredInError() && CaseEventType.valueOf(entry.type()).canBeMarkedInError());
  }

  static String size(long bytes) {
    return Wording.size(bytes);
  }

}
