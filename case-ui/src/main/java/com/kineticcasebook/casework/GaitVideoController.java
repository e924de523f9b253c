package com.kineticcasebook.casework;

import com.kineticcasebook.access.CaseAccess;
import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.FindCaseView;
import com.kineticcasebook.operations.ReadConsistency;
import com.kineticcasebook.pages.PageController;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.CaseRuleViolation;
import com.kineticcasebook.patientcase.GaitVideo;
import com.kineticcasebook.patientcase.InvalidCommandException;
import com.kineticcasebook.patientcase.RecordingId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import com.kineticcasebook.projections.ProcessingGroups;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Uploading a gait recording's video from the case page (a multipart form) and playing it back
 * there. Playback answers range requests, so the browser can seek without loading the whole film.
 */
@PageController
@RequestMapping("/cases/{caseId}/gait-recordings/{recordingId}/video")
class GaitVideoController {

  private final CaseAccess access;
  private final GaitVideos videos;
  private final CasePages pages;
  private final QueryGateway queries;
  private final ReadConsistency consistency;

  GaitVideoController(CaseAccess access, GaitVideos videos, CasePages pages, QueryGateway queries,
      ReadConsistency consistency) {
    this.access = access;
    this.videos = videos;
    this.pages = pages;
    this.queries = queries;
    this.consistency = consistency;
  }

  @PostMapping
  ModelAndView upload(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      @PathVariable UUID recordingId, @RequestParam(name = "video", required = false) MultipartFile file,
      RedirectAttributes flash) throws IOException {
    CaseId id = new CaseId(caseId);
    access.authoriseCase(user, id);
    FormInput input = new FormInput();
    if (file == null || file.isEmpty()) {
      input.invalid("video", "is required");
      return pages.refused(user, id, "video-" + recordingId, null, input);
    }
    try (InputStream body = file.getInputStream()) {
      GaitVideos.Attached attached = videos.attach(id, new RecordingId(recordingId), body, file.getContentType(),
          file.getSize());
      consistency.awaitPosition(attached.position().globalIndex(), ProcessingGroups.CASE_VIEWS);
    } catch (ApiException refused) {
      input.invalid("video", message(refused));
      return pages.refused(user, id, "video-" + recordingId, null, input);
    } catch (InvalidCommandException invalid) {
      invalid.violations().forEach(violation -> input.invalid("video", violation.message()));
      return pages.refused(user, id, "video-" + recordingId, null, input);
    } catch (CaseRuleViolation refused) {
      input.refuse(refused.getMessage());
      return pages.refused(user, id, "video-" + recordingId, null, input);
    }
    flash.addFlashAttribute("notice", "Video uploaded. It plays below the recording's findings.");
    return new ModelAndView("redirect:/cases/" + caseId + "#recording-" + recordingId);
  }

  @GetMapping
  ResponseEntity<Resource> play(@AuthenticationPrincipal CasebookUser user, @PathVariable UUID caseId,
      @PathVariable UUID recordingId) {
    CaseId id = new CaseId(caseId);
    access.authoriseCase(user, id);
    GaitVideo video = queries.query(new FindCaseView(id), ResponseTypes.optionalInstanceOf(CaseView.class)).join()
        .flatMap(view -> view.gaitRecordings().stream()
            .filter(recording -> recording.recordingId().equals(recordingId) && recording.video() != null)
            .map(CaseView.GaitRecording::video)
            .findFirst())
        .orElseThrow(() -> new ApiException(Problems.notFound("video")));
    Resource file = videos.file(video).<Resource>map(FileSystemResource::new)
        .orElseThrow(() -> new ApiException(Problems.notFound("video")));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(video.contentType())).body(file);
  }

  /** The store's refusal in the words of the upload form. */
  private static String message(ApiException refused) {
    HttpStatus status = HttpStatus.resolve(refused.problem().getStatus());
    if (status == HttpStatus.BAD_REQUEST) {
      return "is not a playable MP4, WebM or QuickTime video";
    }
    if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
      return "must be an MP4, WebM or QuickTime video";
    }
    return refused.problem().getDetail();
  }
}
