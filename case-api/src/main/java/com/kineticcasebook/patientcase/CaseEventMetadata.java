package com.kineticcasebook.patientcase;

import java.util.List;

/**
 * The metadata every recorded case event carries beside its payload: who recorded it, with which
 * roles, for which clinic, under which request, and the client's idempotency key when it sent one.
 */
public final class CaseEventMetadata {

  public static final String USER_ID = "userId";
  public static final String ROLES = "roles";
  public static final String CLINIC_ID = "clinicId";
  public static final String CORRELATION_ID = "correlationId";
  public static final String IDEMPOTENCY_KEY = "idempotencyKey";

  /** Every key, in the order above. */
  public static final List<String> KEYS = List.of(USER_ID, ROLES, CLINIC_ID, CORRELATION_ID, IDEMPOTENCY_KEY);

  private CaseEventMetadata() {}
}
