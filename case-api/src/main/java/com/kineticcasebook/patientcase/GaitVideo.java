package com.kineticcasebook.patientcase;

/**
 * A stored gait video. The bytes live outside the event store; the SHA-256 names them and lets an
 * auditor prove the file is the one that was attached.
 *
 * @param sha256 lowercase hex SHA-256 of the bytes
 * @param contentType the media type, such as video/mp4
 * @param sizeBytes the size of the file
 */
public record GaitVideo(String sha256, String contentType, long sizeBytes) {}
