package com.kineticcasebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.patientcase.PrimaryHypothesised;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** A revision-1 hypothesis, stored before it had a clinical date, reads as revision 2 dated when it was recorded. */
class HypothesisDateUpcasterTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final String TYPE = PrimaryHypothesised.class.getName();
  /** The payload exactly as revision 1 stored it. */
  private static final String REVISION_1_PAYLOAD = """
      {"caseId":"0000000c-0000-4000-8000-000000000001","primaryInjuryId":"00000001-0000-4000-8000-000000000001",\
      "secondaryInjuryIds":["00000001-0000-4000-8000-000000000002"],"rationale":"Guarding the calf",\
      "evidenceRecordingIds":[]}""";

  private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
  private final HypothesisDateUpcaster upcaster = new HypothesisDateUpcaster(LONDON);

  @Test
  void aRevisionOneHypothesisIsDatedOnTheDayItWasRecordedInTheClinicsZone() {
    // 23:30 UTC on 14 June is 00:30 on 15 June in London (summer time): the clinic's day is the 15th.
    PrimaryHypothesised upcast = upcastAndRead(stored("1", REVISION_1_PAYLOAD, "2026-06-14T23:30:00Z"));

    assertThat(upcast.hypothesisedOn()).isEqualTo(LocalDate.of(2026, 6, 15));
    assertThat(upcast.clinicalDate()).contains(LocalDate.of(2026, 6, 15));
    assertThat(upcast.rationale()).isEqualTo("Guarding the calf");
    assertThat(upcast.secondaryInjuryIds()).hasSize(1);
  }

  @Test
  void theUpcastEventIsAtRevisionTwo() {
    List<IntermediateEventRepresentation> upcast =
        upcaster.upcast(Stream.of(stored("1", REVISION_1_PAYLOAD, "2026-03-14T09:30:00Z"))).toList();

    assertThat(upcast.get(0).getType()).isEqualTo(new SimpleSerializedType(TYPE, "2"));
  }

  @Test
  void aRevisionTwoHypothesisKeepsItsOwnDate() {
    String payload = REVISION_1_PAYLOAD.replace("\"evidenceRecordingIds\":[]",
        "\"evidenceRecordingIds\":[],\"hypothesisedOn\":\"2026-03-02\"");
    IntermediateEventRepresentation stored = stored("2", payload, "2026-03-14T09:30:00Z");

    assertThat(upcaster.upcast(Stream.of(stored)).toList()).containsExactly(stored);
    assertThat(upcastAndRead(stored).hypothesisedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
  }

  private PrimaryHypothesised upcastAndRead(IntermediateEventRepresentation stored) {
    IntermediateEventRepresentation upcast = upcaster.upcast(Stream.of(stored)).toList().get(0);
    return serializer.deserialize(upcast.getData());
  }

  private IntermediateEventRepresentation stored(String revision, String payload, String recordedAt) {
    SerializedType type = new SimpleSerializedType(TYPE, revision);
    return new InitialEventRepresentation(new GenericDomainEventEntry<>("PatientCase",
        "0000000c-0000-4000-8000-000000000001", 3, "event-1", Instant.parse(recordedAt), type.getName(),
        type.getRevision(), payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)),
        serializer);
  }
}
