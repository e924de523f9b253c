package com.kineticcasebook.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Everything the case page shows, in words and already ordered; built by {@link CasePageAssembler}. */
record CasePage(
    UUID caseId, String patientRef, String clinicName, boolean open, LocalDate openedOn, LocalDate closedOn,
    Hypothesis hypothesis, List<InjuryRow> injuries, List<RecordingRow> recordings, List<TreatmentRow> treatments,
    List<MeasureRow> measures, List<TimelineRow> timeline) {

  /** The current hypothesis: which injury the clinician believes drives the others. */
  record Hypothesis(String primary, List<String> secondaries, String rationale, String inWords) {}

  record InjuryRow(UUID injuryId, String name, String region, String side, String role, boolean open,
      LocalDate onsetOn, LocalDate resolvedOn, int painScore, String description) {

    /** The badge's text: Primary, Secondary, or nothing for an injury outside the hypothesis. */
    String roleLabel() {
      return switch (role) {
        case "PRIMARY" -> "Primary";
        case "SECONDARY" -> "Secondary";
        default -> "";
      };
    }
  }

  record RecordingRow(UUID recordingId, LocalDate filmedOn, String view, String surface, boolean antalgic,
      List<String> findings, String videoType, String videoSize) {

    boolean hasVideo() {
      return videoType != null;
    }
  }

  record TreatmentRow(String modality, String target, String plan, LocalDate startedOn) {}

  record MeasureRow(String injury, String instrument, String score, LocalDate measuredOn) {}

  record TimelineRow(String eventId, String type, LocalDate occurredOn, String recordedAt, String recordedBy,
      String summary, boolean enteredInError, String errorReason, boolean markable) {}

  /** A choice in a select or a group of checkboxes. */
  record Option(String value, String label) {}

  List<Option> openInjuryOptions() {
    return injuries.stream().filter(InjuryRow::open).map(i -> new Option(i.injuryId().toString(), i.name())).toList();
  }

  List<Option> injuryOptions() {
    return injuries.stream().map(i -> new Option(i.injuryId().toString(), i.name())).toList();
  }

  List<Option> recordingOptions() {
    return recordings.stream()
        .map(r -> new Option(r.recordingId().toString(), r.filmedOn() + " · " + r.view() + ", " + r.surface()))
        .toList();
  }
}
