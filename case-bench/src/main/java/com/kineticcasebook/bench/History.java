package com.kineticcasebook.bench;

import com.kineticcasebook.generator.CaseGenerator;
import com.kineticcasebook.generator.CaseGenerator.Clinician;
import com.kineticcasebook.generator.CaseGenerator.GeneratedCase;
import com.kineticcasebook.patientcase.CaseEventMetadata;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.CloseCase;
import com.kineticcasebook.patientcase.HypothesisePrimary;
import com.kineticcasebook.patientcase.MarkEnteredInError;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.patientcase.PatientCase;
import com.kineticcasebook.patientcase.RecordOutcomeMeasure;
import com.kineticcasebook.reference.OutcomeInstrument;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * Generates the bulk history: the demo {@link CaseGenerator}'s realistic cases, sent as commands
 * to the real {@link PatientCase} aggregate in memory, so every event is one the application
 * itself would have recorded, and serialized to rows exactly as the JDBC event store writes them.
 */
final class History {

  /** A stored event row of {@code domain_event_entry}, without its global index. */
  record EventRow(String eventId, String caseId, long sequenceNumber, String aggregateType, String payloadType,
      String payloadRevision, String timestamp, byte[] metadata, byte[] payload) {}

  /** The generated rows, with the cases that the read benchmarks look at. */
  record Generated(List<EventRow> rows, int cases, String longCaseId, List<String> caseIds) {}

  private static final int CHUNK = 1_000;
  private static final long SEED = 6_000_006L;

  private final Clock clock;
  private final Serializer serializer = Jackson3Serializer.builder()
      .revisionResolver(new AnnotationRevisionResolver()).build();

  History(Clock clock) {
    this.clock = clock;
  }

  /**
   * Cases dealt to the clinicians in turn, plus one long case of {@code longCaseEvents} events,
   * until {@code events} events exist; the last generated case is cut short to end exactly there.
   */
  Generated generate(int events, int longCaseEvents, List<Clinician> clinicians) throws Exception {
    LocalDate today = LocalDate.now(clock);
    CaseStreams streams = new CaseStreams();
    Configuration axon = DefaultConfigurer.defaultConfiguration()
        .configureEmbeddedEventStore(c -> streams)
        // Cached between commands: generating a case must not source it again for each of its commands.
        .configureAggregate(AggregateConfigurer.defaultConfiguration(PatientCase.class)
            .configureCache(c -> new WeakReferenceCache()))
        .registerComponent(Clock.class, c -> clock)
        .configureCorrelationDataProviders(c -> List.of(new SimpleCorrelationDataProvider(
            CaseEventMetadata.USER_ID, CaseEventMetadata.ROLES, CaseEventMetadata.CLINIC_ID, CaseEventMetadata.CORRELATION_ID)))
        .buildConfiguration();
    axon.start();
    try {
      CommandGateway gateway = axon.commandGateway();
      List<EventRow> rows = new ArrayList<>(events + 1_000);
      List<String> caseIds = new ArrayList<>();
      GeneratedCase longCase = longCase(today, clinicians.get(0));
      rows.addAll(record(gateway, streams, longCase, longCaseEvents));
      String longCaseId = rows.get(0).caseId();
      ExecutorService workers = Executors.newFixedThreadPool(2);
      try {
        int chunk = 0;
        while (rows.size() < events) {
          List<Future<List<List<EventRow>>>> running = new ArrayList<>();
          for (int i = 0; i < 2; i++) {
            long seed = SEED + chunk++;
            running.add(workers.submit(() -> {
              List<List<EventRow>> cases = new ArrayList<>();
              for (GeneratedCase generated : new CaseGenerator(seed, today).generate(CHUNK, clinicians)) {
                cases.add(record(gateway, streams, generated, Integer.MAX_VALUE));
              }
              return cases;
            }));
          }
          for (Future<List<List<EventRow>>> done : running) {
            for (List<EventRow> caseRows : done.get()) {
              if (rows.size() >= events) {
                break;
              }
              caseIds.add(caseRows.get(0).caseId());
              rows.addAll(caseRows.subList(0, Math.min(caseRows.size(), events - rows.size())));
            }
          }
        }
      } finally {
        workers.shutdownNow();
      }
      return new Generated(rows, caseIds.size() + 1, longCaseId, caseIds);
    } finally {
      axon.shutdown();
    }
  }

  /** An open chain case whose primary is measured again and again, as a long course of care is. */
  private static GeneratedCase longCase(LocalDate today, Clinician clinician) {
    for (GeneratedCase candidate : new CaseGenerator(SEED - 1, today).generate(50, List.of(clinician))) {
      List<Object> commands = candidate.commands();
      if (commands.stream().anyMatch(c -> c instanceof HypothesisePrimary)
          && commands.stream().noneMatch(c -> c instanceof CloseCase)) {
        HypothesisePrimary hypothesis = (HypothesisePrimary) commands.stream()
            .filter(c -> c instanceof HypothesisePrimary).findFirst().orElseThrow();
        CaseId caseId = ((OpenCase) commands.get(0)).caseId();
        List<Object> longer = new ArrayList<>(commands);
        for (int i = 0; i < 400; i++) {
          longer.add(new RecordOutcomeMeasure(caseId, hypothesis.primaryInjuryId(), OutcomeInstrument.NPRS,
              (double) (8 - i % 7), today));
        }
        return new GeneratedCase(clinician, longer);
      }
    }
    throw new IllegalStateException("The generator made no open chain case to lengthen");
  }

  /** Sends a case's commands to the aggregate and returns its first {@code limit} events as rows. */
  private List<EventRow> record(CommandGateway gateway, CaseStreams streams, GeneratedCase generated, int limit) {
    CaseId caseId = ((OpenCase) generated.commands().get(0)).caseId();
    List<String> lastEventIds = new ArrayList<>();
    List<DomainEventMessage<?>> events = new ArrayList<>();
    for (Object command : generated.commands()) {
      if (events.size() >= limit) {
        break;
      }
      Object toSend = command instanceof CaseGenerator.MarkInError mark
          ? new MarkEnteredInError(caseId, lastEventIds.get(mark.commandIndex()), mark.reason())
          : command;
      Map<String, Object> metadata = Map.of(
          CaseEventMetadata.USER_ID, generated.clinician().userId().toString(),
          CaseEventMetadata.ROLES, List.of("CLINICIAN"),
          CaseEventMetadata.CLINIC_ID, generated.clinician().clinicId().toString(),
          CaseEventMetadata.CORRELATION_ID, UUID.randomUUID().toString());
      gateway.sendAndWait(GenericCommandMessage.asCommandMessage(toSend).andMetaData(metadata));
      events = streams.of(caseId.toString());
      lastEventIds.add(events.get(events.size() - 1).getIdentifier());
    }
    streams.take(caseId.toString());
    List<EventRow> rows = new ArrayList<>(Math.min(limit, events.size()));
    for (DomainEventMessage<?> event : events.subList(0, Math.min(limit, events.size()))) {
      rows.add(row(event));
    }
    return rows;
  }

  private EventRow row(DomainEventMessage<?> event) {
    SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
    SerializedObject<byte[]> metadata = serializer.serialize(event.getMetaData(), byte[].class);
    return new EventRow(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
        event.getType(), payload.getType().getName(), payload.getType().getRevision(), DateTimeUtils.formatInstant(event.getTimestamp()),
        metadata.getData(), payload.getData());
  }
}
