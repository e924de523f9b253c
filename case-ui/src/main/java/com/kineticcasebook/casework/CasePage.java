package com.kineticcasebook.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything the case page shows, in words and already ordered; built by {@link CasePageAssembler}.
 * Public, like every type the templates read, because the template language reads only public members.
 */
public record CasePage(
    UUID caseId, String patientRef, String clinicName, boolean open, LocalDate openedOn, LocalDate closedOn,
    Hypothesis hypothesis, List<InjuryRow> injuries, List<RecordingRow> recordings, List<TreatmentRow> treatments,
    List<MeasureRow> measures, List<TimelineRow> timeline) {

  /** The current hypothesis: which injury the clinician believes drives the others. */
  public record Hypothesis(String primary, List<String> secondaries, String rationale, String inWords,
      LocalDate hypothesisedOn) {}

  public record InjuryRow(UUID injuryId, String name, String region, String side, String role, boolean open,
      LocalDate onsetOn, LocalDate resolvedOn, int painScore, String description,
      com.kineticcasebook.reference.BodyRegion bodyRegion, com.kineticcasebook.reference.Side bodySide) {

    /** The badge's text: Primary, Secondary, or nothing for an injury outside the hypothesis. */
    public String roleLabel() {
      return switch (role) {
        case "PRIMARY" -> "Primary";
        case "SECONDARY" -> "Secondary";
        default -> "";
      };
    }
  }

  public record RecordingRow(UUID recordingId, LocalDate filmedOn, String view, String surface, boolean antalgic,
      List<String> findings, String videoType, String videoSize) {

    public boolean hasVideo() {
      return videoType != null;
    }
  }

  public record TreatmentRow(String modality, String target, String plan, LocalDate startedOn) {}

  public record MeasureRow(String injury, String instrument, String score, LocalDate measuredOn) {}

  public record TimelineRow(String eventId, String type, LocalDate occurredOn, String recordedAt, String recordedBy,
      String summary, boolean enteredInError, String errorReason, boolean markable) {}

  /** A choice in a select or a group of checkboxes. */
  public record Option(String value, String label) {}

  /** The injuries as the body chart marks them. */
  public List<BodyChart.Injury> chartInjuries() {
    return injuries.stream()
        .map(i -> new BodyChart.Injury(i.bodyRegion(), i.bodySide(), i.role(), i.name(), i.open())).toList();
  }

  public List<Option> openInjuryOptions() {
    return injuries.stream().filter(InjuryRow::open).map(i -> new Option(i.injuryId().toString(), i.name())).toList();
  }

  public List<Option> injuryOptions() {
    return injuries.stream().map(i -> new Option(i.injuryId().toString(), i.name())).toList();
  }

  public List<Option> recordingOptions() {
    return recordings.stream()
        .map(r -> new Option(r.recordingId().toString(), r.filmedOn() + " · " + r.view() + ", " + r.surface()))
        .toList();
  }
}
