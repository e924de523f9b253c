package com.kineticcasebook.casework;

import com.kineticcasebook.IdFactory;
import com.kineticcasebook.access.CaseAccess;
import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.casework.CaseRequests.ClosureRequest;
import com.kineticcasebook.casework.CaseRequests.EntryInErrorRequest;
import com.kineticcasebook.casework.CaseRequests.GaitFindingsRequest;
import com.kineticcasebook.casework.CaseRequests.GaitRecordingRequest;
import com.kineticcasebook.casework.CaseRequests.HypothesisRequest;
import com.kineticcasebook.casework.CaseRequests.OpenCaseRequest;
import com.kineticcasebook.casework.CaseRequests.OutcomeMeasureRequest;
import com.kineticcasebook.casework.CaseRequests.ReopeningRequest;
import com.kineticcasebook.casework.CaseRequests.ReportInjuryRequest;
import com.kineticcasebook.casework.CaseRequests.ResolutionRequest;
import com.kineticcasebook.casework.CaseRequests.TreatmentRequest;
import com.kineticcasebook.casework.CaseRequests.VisitRequest;
import com.kineticcasebook.eventstore.CaseCommandSender;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.patientcase.CloseCase;
import com.kineticcasebook.patientcase.FieldViolation;
import com.kineticcasebook.patientcase.GaitFindings;
import com.kineticcasebook.patientcase.GaitVideo;
import com.kineticcasebook.patientcase.HypothesisePrimary;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.InvalidCommandException;
import com.kineticcasebook.patientcase.MarkEnteredInError;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.patientcase.PatientHasOpenCase;
import com.kineticcasebook.patientcase.RecordGaitFilming;
import com.kineticcasebook.patientcase.RecordOutcomeMeasure;
import com.kineticcasebook.patientcase.RecordVisit;
import com.kineticcasebook.patientcase.RecordingId;
import com.kineticcasebook.patientcase.ReopenCase;
import com.kineticcasebook.patientcase.ReportInjury;
import com.kineticcasebook.patientcase.ResolveInjury;
import com.kineticcasebook.patientcase.StartTreatment;
import com.kineticcasebook.patientcase.TreatmentId;
import com.kineticcasebook.patientcase.UserId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write side of the JSON API: each endpoint parses its body, checks that the clinician works
 * in the case's clinic, sends one command and answers 201 with the new ids and the event's
 * position ({@code X-Event-Position}) for read-your-writes.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

  static final String EVENT_POSITION_HEADER = "X-Event-Position";

  private final CaseAccess access;
  private final CaseCommandSender sender;
  private final IdFactory ids;
  private final GaitVideos videos;
  private final Clock clock;

  CaseController(CaseAccess access, CaseCommandSender sender, IdFactory ids, GaitVideos videos, Clock clock) {
    this.access = access;
    this.sender = sender;
    this.ids = ids;
    this.videos = videos;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> open(@AuthenticationPrincipal CasebookUser user, @RequestBody OpenCaseRequest body) {
    CaseId caseId = new CaseId(ids.next());
    OpenCase command = new OpenCase(caseId, id(body.clinicId(), ClinicId::new), body.patientRef(),
        new UserId(user.id()), body.openedOn(), Boolean.TRUE.equals(body.openAnotherCase()));
    if (command.clinicId() == null) {
      // Access is decided by the clinic: without one the request goes no further, with all its problems.
      throw new InvalidCommandException(command.violations());
    }
    access.authoriseOpening(user, command.clinicId());
    RecordedPosition position;
    try {
      position = sender.send(caseId.toString(), command);
    } catch (PatientHasOpenCase existing) {
      throw new ApiException(patientHasOpenCase(existing.existingCaseId()));
    }
    return created(position, URI.create("/api/v1/cases/" + caseId), "caseId", caseId);
  }

  @PostMapping("/{caseId}/injuries")
  ResponseEntity<Map<String, Object>> reportInjury(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @RequestBody ReportInjuryRequest body) {
    CaseId id = authorised(user, caseId);
    InjuryId injuryId = new InjuryId(ids.next());
    RecordedPosition position = sender.send(id.toString(), new ReportInjury(id, injuryId, body.bodyRegion(), body.side(),
        body.conditionCode(), body.description(), body.onsetOn(), body.painScore()));
    return created(position, null, "injuryId", injuryId);
  }

  @PostMapping("/{caseId}/gait-recordings")
  ResponseEntity<Map<String, Object>> recordGaitFilming(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @RequestBody GaitRecordingRequest body) {
    CaseId id = authorised(user, caseId);
    RecordingId recordingId = new RecordingId(ids.next());
    GaitFindingsRequest f = body.findings();
    GaitFindings findings = f == null ? null : new GaitFindings(f.antalgic(), f.stanceAsymmetryPct(),
        f.pushOffDelayMs(), f.hipHikeSide(), f.trunkLeanCm(), f.cadenceSpm());
    RecordedPosition position = sender.send(id.toString(),
        new RecordGaitFilming(id, recordingId, body.filmedOn(), body.view(), body.surface(), findings));
    return created(position, null, "recordingId", recordingId);
  }

  @PutMapping("/{caseId}/gait-recordings/{recordingId}/video")
  ResponseEntity<Map<String, Object>> attachVideo(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @PathVariable UUID recordingId,
      HttpServletRequest request) throws IOException {
    CaseId id = authorised(user, caseId);
    GaitVideos.Attached attached = videos.attach(id, new RecordingId(recordingId), request.getInputStream(),
        request.getContentType(), request.getContentLengthLong());
    GaitVideo video = attached.video();
    RecordedPosition position = attached.position();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sha256", video.sha256());
    body.put("sizeBytes", video.sizeBytes());
    body.put("eventId", position.eventId());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(EVENT_POSITION_HEADER, Long.toString(position.globalIndex()))
        .body(body);
  }

  @PostMapping("/{caseId}/hypotheses")
  ResponseEntity<Map<String, Object>> hypothesise(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @RequestBody HypothesisRequest body) {
    CaseId id = authorised(user, caseId);
    List<FieldViolation> violations = new ArrayList<>();
    List<InjuryId> secondaries = idList("secondaryInjuryIds", body.secondaryInjuryIds(), InjuryId::new, violations);
    List<RecordingId> evidence = idList("evidenceRecordingIds", body.evidenceRecordingIds(), RecordingId::new, violations);
    if (!violations.isEmpty()) {
      throw new InvalidCommandException(violations);
    }
    RecordedPosition position = sender.send(id.toString(), new HypothesisePrimary(id,
        id(body.primaryInjuryId(), InjuryId::new), secondaries, body.rationale(), evidence,
        body.hypothesisedOn() != null ? body.hypothesisedOn() : LocalDate.now(clock)));
    return created(position, null, null, null);
  }

  @PostMapping("/{caseId}/treatments")
  ResponseEntity<Map<String, Object>> startTreatment(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @RequestBody TreatmentRequest body) {
    CaseId id = authorised(user, caseId);
    TreatmentId treatmentId = new TreatmentId(ids.next());
    RecordedPosition position = sender.send(id.toString(), new StartTreatment(id, treatmentId,
        id(body.targetInjuryId(), InjuryId::new), body.modality(), body.plan(), body.startedOn()));
    return created(position, null, "treatmentId", treatmentId);
  }

  @PostMapping("/{caseId}/outcome-measures")
  ResponseEntity<Map<String, Object>> recordOutcomeMeasure(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @RequestBody OutcomeMeasureRequest body) {
    CaseId id = authorised(user, caseId);
    RecordedPosition position = sender.send(id.toString(), new RecordOutcomeMeasure(id,
        id(body.injuryId(), InjuryId::new), body.instrument(), body.score(), body.measuredOn()));
    return created(position, null, null, null);
  }

  @PostMapping("/{caseId}/injuries/{injuryId}/resolution")
  ResponseEntity<Map<String, Object>> resolve(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @PathVariable UUID injuryId,
      @RequestBody ResolutionRequest body) {
    CaseId id = authorised(user, caseId);
    RecordedPosition position = sender.send(id.toString(),
        new ResolveInjury(id, new InjuryId(injuryId), body.resolvedOn(), body.note()));
    String event = switch (position.eventType()) {
      case "SecondaryResolved" -> "SECONDARY_RESOLVED";
      case "InjuryResolved" -> "INJURY_RESOLVED";
      default -> throw new IllegalStateException("Resolution recorded an unexpected event");
    };
    return created(position, null, "event", event);
  }

  @PostMapping("/{caseId}/errors")
  ResponseEntity<Map<String, Object>> markEnteredInError(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @RequestBody EntryInErrorRequest body) {
    CaseId id = authorised(user, caseId);
    RecordedPosition position = sender.send(id.toString(), new MarkEnteredInError(id, body.eventId(), body.reason()));
    return created(position, null, null, null);
  }

  @PostMapping("/{caseId}/closure")
  ResponseEntity<Map<String, Object>> close(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @RequestBody ClosureRequest body) {
    CaseId id = authorised(user, caseId);
    RecordedPosition position = sender.send(id.toString(), new CloseCase(id, body.closedOn(), body.reason(),
        Boolean.TRUE.equals(body.closeOpenInjuriesAsUnresolved())));
    return created(position, null, null, null);
  }

  /** A visit: its parts become the individual events, each dated visitedOn, all recorded or none. */
  @PostMapping("/{caseId}/visits")
  ResponseEntity<Map<String, Object>> recordVisit(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @RequestBody VisitRequest body) {
    CaseId id = authorised(user, caseId);
    List<RecordVisit.Measure> measures = body.outcomeMeasures() == null ? null : body.outcomeMeasures().stream()
        .map(m -> m == null ? null : new RecordVisit.Measure(id(m.injuryId(), InjuryId::new), m.instrument(), m.score()))
        .toList();
    List<RecordVisit.Treatment> treatments = body.treatments() == null ? null : body.treatments().stream()
        .map(t -> t == null ? null : new RecordVisit.Treatment(new TreatmentId(ids.next()),
            id(t.targetInjuryId(), InjuryId::new), t.modality(), t.plan()))
        .toList();
    List<RecordVisit.Resolution> resolutions = body.resolutions() == null ? null : body.resolutions().stream()
        .map(r -> r == null ? null : new RecordVisit.Resolution(id(r.injuryId(), InjuryId::new), r.note()))
        .toList();
    List<RecordedPosition> positions = sender.sendForEach(id.toString(),
        new RecordVisit(id, body.visitedOn(), body.note(), measures, treatments, resolutions));
    RecordedPosition last = positions.get(positions.size() - 1);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("eventIds", positions.stream().map(RecordedPosition::eventId).toList());
    response.put("eventId", last.eventId());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(EVENT_POSITION_HEADER, Long.toString(last.globalIndex()))
        .body(response);
  }

  @PostMapping("/{caseId}/reopening")
  ResponseEntity<Map<String, Object>> reopen(
      @AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId, @RequestBody ReopeningRequest body) {
    CaseId id = authorised(user, caseId);
    RecordedPosition position = sender.send(id.toString(), new ReopenCase(id, body.reopenedOn(), body.reason()));
    return created(position, null, null, null);
  }

  private static ProblemDetail patientHasOpenCase(CaseId existing) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "patient-has-open-case",
        "The patient already has an open case",
        "This patient reference already has an open case in the clinic. Record on that case, or send "
            + "openAnotherCase: true to open another one.");
    problem.setProperty("existingCaseId", existing.value().toString());
    problem.setProperty("existingCase", "/api/v1/cases/" + existing.value());
    return problem;
  }

  private CaseId authorised(CasebookUser user, UUID caseId) {
    CaseId id = new CaseId(caseId);
    access.authoriseCase(user, id);
    return id;
  }

  private static ResponseEntity<Map<String, Object>> created(
      RecordedPosition position, URI location, String idField, Object idValue) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (idField != null) {
      body.put(idField, idValue.toString());
    }
    body.put("eventId", position.eventId());
    ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
        .header(EVENT_POSITION_HEADER, Long.toString(position.globalIndex()));
    if (location != null) {
      response.location(location);
    }
    return response.body(body);
  }

  private static <T> T id(UUID value, Function<UUID, T> type) {
    return value == null ? null : type.apply(value);
  }

  /** Typed ids of a list field; a null entry is reported under its index, a null list stays null. */
  private static <T> List<T> idList(
      String field, List<UUID> values, Function<UUID, T> type, List<FieldViolation> violations) {
    if (values == null) {
      return null;
    }
    List<T> typed = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        violations.add(new FieldViolation(field + "[" + i + "]", "is required"));
      } else {
        typed.add(type.apply(values.get(i)));
      }
    }
    return typed;
  }
}
