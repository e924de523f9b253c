package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gait videos are stored by content hash, and only when their bytes are the video type they claim. */
class GaitVideoIT extends PostgresApplicationTest {

  private ApiClient clinician;
  private String caseId;
  private String recordingId;

  @BeforeEach
  void aCaseWithAGaitRecording() {
    clinician = as("clinician.north");
    String today = LocalDate.now().toString();
    caseId = clinician.post("/api/v1/cases", Map.of("clinicId", north.toString(), "patientRef",
        "N-71" + ThreadLocalRandom.current().nextInt(100_000, 999_999),
        "openedOn", today)).json().get("caseId").asString();
    recordingId = clinician.post("/api/v1/cases/" + caseId + "/gait-recordings", Map.of("filmedOn", today,
        "view", "SAGITTAL_LEFT", "surface", "TREADMILL", "findings", Map.of("antalgic", false)))
        .json().get("recordingId").asString();
  }

  @Test
  void anMp4IsStoredUnderItsSha256AndRecorded() throws Exception {
    byte[] video = mp4(4096);
    Response response = clinician.put(videoPath(recordingId), "video/mp4", video);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video));
    assertThat(response.json().get("sha256").asString()).isEqualTo(sha256);
    assertThat(response.json().get("sizeBytes").asLong()).isEqualTo(video.length);
    assertThat(response.header("X-Event-Position")).isNotNull();
    String payload = jdbc.queryForObject(
        "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
            + "AND payload_type LIKE '%GaitVideoAttached'", String.class, caseId);
    assertThat(payload).contains(sha256);
  }

  @Test
  void bytesThatAreNotTheDeclaredVideoTypeAreRefused() {
    byte[] script = "#!/bin/sh\necho pretending to be a video\n".getBytes(StandardCharsets.UTF_8);
    Response response = clinician.put(videoPath(recordingId), "video/mp4", script);
    assertThat(response.status()).isEqualTo(400);
    assertThat(clinician.put(videoPath(recordingId), "video/webm", mp4(512)).status()).isEqualTo(400);
    assertThat(events("GaitVideoAttached")).isZero();
  }

  @Test
  void otherMediaTypesAreUnsupported() {
    Response response = clinician.put(videoPath(recordingId), "image/png", new byte[64]);
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aRecordingOfAnotherCaseIsABadRequest() {
    Response response = clinician.put(videoPath(java.util.UUID.randomUUID().toString()), "video/mp4", mp4(256));
    assertThat(response.status()).isEqualTo(400);
  }

  @Test
  void aClinicianOfAnotherClinicCannotUpload() {
    assertThat(as("clinician.south").put(videoPath(recordingId), "video/mp4", mp4(256)).status()).isEqualTo(404);
    assertThat(as("owner").put(videoPath(recordingId), "video/mp4", mp4(256)).status()).isEqualTo(403);
  }

  private long events(String type) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
        + "AND payload_type LIKE ?", Long.class, caseId, "%" + type);
  }

  private String videoPath(String recording) {
    return "/api/v1/cases/" + caseId + "/gait-recordings/" + recording + "/video";
  }

  /** An ISO base media file header ("ftyp" box, brand isom) followed by filler. */
  private static byte[] mp4(int size) {
    byte[] bytes = new byte[size];
    byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    System.arraycopy(header, 0, bytes, 0, header.length);
    Arrays.fill(bytes, header.length, size, (byte) 7);
    return bytes;
  }
}
