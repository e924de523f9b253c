package com.kineticcasebook.casework;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What the clinician typed into each form, kept as text so that a value the command refuses is
 * shown again exactly as typed. Input names are the command's field names.
 */
public final class Forms {

  private Forms() {}

  /** {@code openAnotherCase}: the box that opens a case although the patient already has an open one. */
  public record OpenCaseForm(String clinicId, String patientRef, String openedOn, String openAnotherCase) implements Serializable {
    static OpenCaseForm blank(LocalDate today, String clinicId) {
      return new OpenCaseForm(clinicId, "", today.toString(), "");
    }
  }

  public record InjuryForm(String bodyRegion, String side, String conditionCode, String description, String onsetOn,
      String painScore) implements Serializable {
    static InjuryForm blank(LocalDate today) {
      return new InjuryForm("", "", "", "", today.toString(), "");
    }
  }

  public record GaitForm(String filmedOn, String view, String surface, String antalgic, String stanceAsymmetryPct,
      String pushOffDelayMs, String hipHikeSide, String trunkLeanCm, String cadenceSpm) implements Serializable {
    static GaitForm blank(LocalDate today) {
      return new GaitForm(today.toString(), "", "", "", "", "", "", "", "");
    }
  }

  public record HypothesisForm(String primaryInjuryId, List<String> secondaryInjuryIds, String rationale,
      List<String> evidenceRecordingIds, String hypothesisedOn) implements Serializable {
    public HypothesisForm {
      secondaryInjuryIds = secondaryInjuryIds == null ? List.of() : List.copyOf(secondaryInjuryIds);
      evidenceRecordingIds = evidenceRecordingIds == null ? List.of() : List.copyOf(evidenceRecordingIds);
    }

    static HypothesisForm blank(LocalDate today) {
      return new HypothesisForm("", List.of(), "", List.of(), today.toString());
    }
  }

  public record TreatmentForm(String targetInjuryId, String modality, String plan, String startedOn) implements Serializable {
    static TreatmentForm blank(LocalDate today) {
      return new TreatmentForm("", "", "", today.toString());
    }
  }

  public record MeasureForm(String injuryId, String instrument, String score, String measuredOn) implements Serializable {
    static MeasureForm blank(LocalDate today) {
      return new MeasureForm("", "", "", today.toString());
    }
  }

  /** Resolving one injury; the injury is in the address, so the form only has the date and the note. */
  public record ResolutionForm(String resolvedOn, String note) implements Serializable {
    static ResolutionForm blank(LocalDate today) {
      return new ResolutionForm(today.toString(), "");
    }
  }

  public record EntryInErrorForm(String eventId, String reason) implements Serializable {
    static EntryInErrorForm blank() {
      return new EntryInErrorForm("", "");
    }
  }

  /** {@code closeOpenInjuriesAsUnresolved}: the box confirming that open injuries stay unresolved at closure. */
  public record ClosureForm(String closedOn, String reason, String closeOpenInjuriesAsUnresolved) implements Serializable {
    static ClosureForm blank(LocalDate today) {
      return new ClosureForm(today.toString(), "", "");
    }
  }

  public record ReopeningForm(String reopenedOn, String reason) implements Serializable {
    static ReopeningForm blank(LocalDate today) {
      return new ReopeningForm(today.toString(), "");
    }
  }

  /**
   * The first visit's injuries step: several injuries on one form, row {@code i} named
   * {@code injuries[i].bodyRegion} and so on. Rows left blank are not injuries.
   */
  public record InjuriesForm(List<InjuryForm> injuries) implements Serializable {

    /** Rows are read until the first index without a region field, and no more than this many. */
    static final int MAX_ROWS = 12;

    private static final java.util.regex.Pattern INPUTS = java.util.regex.Pattern.compile(
        "injuries\\[\\d+]\\.(bodyRegion|side|conditionCode|description|onsetOn|painScore)");

    public InjuriesForm {
      injuries = List.copyOf(injuries);
    }

    static InjuriesForm blank(LocalDate today, int rows) {
      return new InjuriesForm(java.util.Collections.nCopies(rows, InjuryForm.blank(today)));
    }

    static InjuriesForm of(org.springframework.util.MultiValueMap<String, String> params) {
      List<InjuryForm> rows = new java.util.ArrayList<>();
      for (int row = 0; row < MAX_ROWS && params.containsKey("injuries[" + row + "].bodyRegion"); row++) {
        String p = "injuries[" + row + "].";
        rows.add(new InjuryForm(params.getFirst(p + "bodyRegion"), params.getFirst(p + "side"),
            params.getFirst(p + "conditionCode"), params.getFirst(p + "description"), params.getFirst(p + "onsetOn"),
            params.getFirst(p + "painScore")));
      }
      return new InjuriesForm(rows);
    }

    /** Whether a row was left as it was shown: nothing but the date typed. */
    static boolean isBlank(InjuryForm row) {
      return blank(row.bodyRegion()) && blank(row.side()) && blank(row.conditionCode()) && blank(row.description())
          && blank(row.painScore());
    }

    /** The same rows and at least {@code rows} of them, blank ones added with today's date. */
    InjuriesForm atLeast(int rows, LocalDate today) {
      List<InjuryForm> shown = new java.util.ArrayList<>(injuries);
      while (shown.size() < rows) {
        shown.add(InjuryForm.blank(today));
      }
      return new InjuriesForm(shown);
    }

    static boolean hasInput(String field) {
      return INPUTS.matcher(field).matches();
    }

    private static boolean blank(String text) {
      return text == null || text.isBlank();
    }
  }
}
