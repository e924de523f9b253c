package com.kineticcasebook.patientcase;

/** A stored gait video, identified by the SHA-256 of its bytes. */
public record GaitVideo(String sha256, String contentType, long sizeBytes) {}
