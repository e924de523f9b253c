package com.kineticcasebook.projections;

/**
 * A projection's reset that could not be carried out, with nothing changed; its message says why
 * to an administrator and names no patient or case.
 */
public final class ResetRefused extends RuntimeException {

  public ResetRefused(String message, Throwable cause) {
    super(message, cause);
  }
}
