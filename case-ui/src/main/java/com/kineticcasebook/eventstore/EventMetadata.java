package com.kineticcasebook.eventstore;

import java.util.List;

/** The metadata keys every recorded event carries, and where the web layer leaves their values. */
public final class EventMetadata {

  public static final String USER_ID = "userId";
  public static final String ROLES = "roles";
  public static final String CLINIC_ID = "clinicId";
  public static final String CORRELATION_ID = "correlationId";
  public static final String IDEMPOTENCY_KEY = "idempotencyKey";

  /** Copied from each command to the events it causes. */
  static final List<String> KEYS = List.of(USER_ID, ROLES, CLINIC_ID, CORRELATION_ID, IDEMPOTENCY_KEY);

  /** Request attribute holding the clinic whose case the current request was allowed to change. */
  public static final String AUTHORISED_CLINIC_ATTRIBUTE = EventMetadata.class.getName() + ".clinicId";

  /** Request attribute holding the request's correlation id. */
  public static final String CORRELATION_ID_ATTRIBUTE = EventMetadata.class.getName() + ".correlationId";

  /** Request attribute holding the validated Idempotency-Key of the request, if any. */
  public static final String IDEMPOTENCY_KEY_ATTRIBUTE = EventMetadata.class.getName() + ".idempotencyKey";

  private EventMetadata() {}
}
