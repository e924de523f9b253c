package com.kineticcasebook.access;

import com.kineticcasebook.eventstore.EventMetadata;
import com.kineticcasebook.patientcase.CaseEventMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Stamps every command with who sent it, for which clinic, and under which correlation id; the
 * the event store's {@code MetadataCorrelation} provider copies these onto the events. Controllers never copy
 * identity by hand. A command that reaches the bus without an authenticated user or an access
 * decision for a clinic is refused here, so no event can be recorded anonymously.
 */
@Component
class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

  @Override
  public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
      List<? extends CommandMessage<?>> messages) {
    return (index, command) -> command.andMetaData(missingMetadata(command.getMetaData()));
  }

  private static Map<String, Object> missingMetadata(Map<String, ?> present) {
    Map<String, Object> added = new HashMap<>();
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!present.containsKey(CaseEventMetadata.USER_ID)
        && authentication != null
        && authentication.getPrincipal() instanceof CasebookUser user) {
      added.put(CaseEventMetadata.USER_ID, user.id().toString());
      added.put(CaseEventMetadata.ROLES, user.roles().stream().map(Enum::name).sorted().toList());
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      copyAttribute(request, EventMetadata.AUTHORISED_CLINIC_ATTRIBUTE, CaseEventMetadata.CLINIC_ID, present, added);
      copyAttribute(request, EventMetadata.CORRELATION_ID_ATTRIBUTE, CaseEventMetadata.CORRELATION_ID, present, added);
      copyAttribute(request, EventMetadata.IDEMPOTENCY_KEY_ATTRIBUTE, CaseEventMetadata.IDEMPOTENCY_KEY, present, added);
    }
    for (String required : List.of(CaseEventMetadata.USER_ID, CaseEventMetadata.CLINIC_ID, CaseEventMetadata.CORRELATION_ID)) {
      if (!present.containsKey(required) && !added.containsKey(required)) {
        throw new IllegalStateException("A command was sent without " + required + " metadata");
      }
    }
    return added;
  }

  private static void copyAttribute(
      RequestAttributes request, String attribute, String key, Map<String, ?> present, Map<String, Object> added) {
    Object value = request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
    if (value != null && !present.containsKey(key)) {
      added.put(key, value.toString());
    }
  }
}
