package com.kineticcasebook.eventstore;

/**
 * A checkpoint file's content: the checkpoint, and the Ed25519 signature of its statement
 * ({@link Checkpoint#statement()}). The public key in the file only says which key signed it; a
 * reader checks the signature with the public key it trusts, never with this one.
 */
record SignedCheckpoint(String algorithm, String publicKey, String signature, Checkpoint checkpoint) {}
