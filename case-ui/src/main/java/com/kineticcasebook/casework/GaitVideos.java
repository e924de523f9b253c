package com.kineticcasebook.casework;

import com.kineticcasebook.eventstore.CaseCommandSender;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.patientcase.AttachGaitVideo;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.GaitVideo;
import com.kineticcasebook.patientcase.RecordingId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Attaching a gait video to a recording and finding it again, for the JSON API's raw upload and
 * the clinician page's form upload alike. The caller has authorised the case.
 */
@Service
public class GaitVideos {

  private final VideoStore store;
  private final CaseCommandSender sender;

  GaitVideos(VideoStore store, CaseCommandSender sender) {
    this.store = store;
    this.sender = sender;
  }

  /** A video attached to a recording, and where its event landed. */
  public record Attached(GaitVideo video, RecordedPosition position) {}

  /** Stores the bytes and records them on the recording; a refused command leaves no new file behind. */
  public Attached attach(CaseId caseId, RecordingId recordingId, InputStream body, String declaredType,
      long declaredLength) throws IOException {
    VideoStore.Stored stored = store.store(body, declaredType, declaredLength);
    try {
      RecordedPosition position = sender.send(caseId.toString(), new AttachGaitVideo(caseId, recordingId, stored.video()));
      return new Attached(stored.video(), position);
    } catch (RuntimeException refused) {
      store.undo(stored);
      throw refused;
    }
  }

  /** The stored file of a recorded video, if it is on this node's disk. */
  public Optional<Path> file(GaitVideo video) {
    Path file = store.file(video.sha256());
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }
}
