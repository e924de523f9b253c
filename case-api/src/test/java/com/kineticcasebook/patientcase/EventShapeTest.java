package com.kineticcasebook.patientcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * The events are the stored history: each is a record with an explicit revision, so a change of
 * shape needs a new revision and an upcaster. The events are found through the aggregate's
 * event-sourcing handlers, which every event needs so that its id can be marked in error.
 */
class EventShapeTest {

  private static final List<String> EVENTS = List.of("CaseOpened", "InjuryReported", "GaitFilmed",
      "GaitVideoAttached", "PrimaryHypothesised", "TreatmentStarted", "OutcomeMeasured", "SecondaryResolved",
      "InjuryResolved", "EntryMarkedInError", "CaseClosed", "CaseReopened", "VisitNoted");

  @Test
  void everyEventOfTheCaseHasAnEventSourcingHandler() {
    assertThat(eventTypes().stream().map(Class::getSimpleName)).containsExactlyInAnyOrderElementsOf(EVENTS);
  }

  /** A revision above 1 is a change of shape, which an upcaster in the event store reads older events into. */
  private static final Map<String, String> REVISIONS = Map.of("PrimaryHypothesised", "2");

  @Test
  void everyEventIsARecordAtItsRevisionThatCarriesTheCaseIdFirst() {
    for (Class<?> event : eventTypes()) {
      assertThat(event.isRecord()).as(event.getSimpleName() + " is a record").isTrue();
      assertThat(event.getAnnotation(Revision.class)).as(event.getSimpleName() + " has @Revision").isNotNull();
      assertThat(event.getAnnotation(Revision.class).value()).as(event.getSimpleName())
          .isEqualTo(REVISIONS.getOrDefault(event.getSimpleName(), "1"));
      RecordComponent first = event.getRecordComponents()[0];
      assertThat(first.getName()).isEqualTo("caseId");
      assertThat(first.getType()).isEqualTo(CaseId.class);
    }
  }

  @Test
  void everyCommandIsARecordThatTargetsTheCaseByItsFirstComponent() {
    List<Class<?>> commands = List.of(OpenCase.class, ReportInjury.class, RecordGaitFilming.class,
        AttachGaitVideo.class, HypothesisePrimary.class, StartTreatment.class, RecordOutcomeMeasure.class,
        ResolveInjury.class, MarkEnteredInError.class, CloseCase.class, ReopenCase.class);
    for (Class<?> command : commands) {
      RecordComponent first = command.getRecordComponents()[0];
      assertThat(first.getName()).as(command.getSimpleName()).isEqualTo("caseId");
      assertThat(first.isAnnotationPresent(TargetAggregateIdentifier.class)
          || first.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)).isTrue();
    }
  }

  private static List<Class<?>> eventTypes() {
    return Arrays.stream(PatientCase.class.getDeclaredMethods())
        .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
        .map(Method::getParameterTypes)
        .<Class<?>>map(parameters -> parameters[0])
        .toList();
  }
}
