package com.kineticcasebook.eventstore;

/**
 * Where the web layer leaves the values of the metadata every event carries (the keys are
 * {@link com.kineticcasebook.patientcase.CaseEventMetadata}), for the command's metadata interceptor.
 */
public final class EventMetadata {

  /** Request attribute holding the clinic whose case the current request was allowed to change. */
  public static final String AUTHORISED_CLINIC_ATTRIBUTE = EventMetadata.class.getName() + ".clinicId";

  /** Request attribute holding the request's correlation id. */
  public static final String CORRELATION_ID_ATTRIBUTE = EventMetadata.class.getName() + ".correlationId";

  /** Request attribute holding the validated Idempotency-Key of the request, if any. */
  public static final String IDEMPOTENCY_KEY_ATTRIBUTE = EventMetadata.class.getName() + ".idempotencyKey";

  private EventMetadata() {}
}
