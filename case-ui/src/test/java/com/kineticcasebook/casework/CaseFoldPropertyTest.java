package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.TimelineEntry;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.patientcase.UserId;
import com.kineticcasebook.projections.caseview.CaseFold;
import com.kineticcasebook.support.CaseSequences;
import com.kineticcasebook.support.CaseSequences.GeneratedCase;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.DomainEventMessage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fold is a pure function of a case's events: every valid sequence of them, with any optional
 * field left out, folds without an exception into what the events say, and survives the JSON the
 * projection stores it as.
 */
class CaseFoldPropertyTest {

  private static final ClinicId CLINIC = new ClinicId(UUID.randomUUID());
  private static final UserId CLINICIAN = new UserId(UUID.randomUUID());

  private final CaseFold fold = new CaseFold(ZoneId.of("Europe/London"));
  private final JsonMapper json = JsonMapper.builder().build();

  @Provide
  Arbitrary<GeneratedCase> cases() {
    return CaseSequences.cases(CLINIC, CLINICIAN, 0, 40);
  }

  @Property(tries = 300)
  void everyValidSequenceFoldsIntoWhatItsEventsSay(@ForAll("cases") GeneratedCase generated) {
    List<DomainEventMessage<?>> events = generated.events(CLINICIAN);

    CaseFold.Folded folded = fold.fold(events);

    assertThat(folded).isNotNull();
    CaseView view = folded.view();
    assertThat(view.status()).isEqualTo(generated.closed() ? CaseStatus.CLOSED : CaseStatus.OPEN);
    assertThat(view.injuries()).hasSize(generated.liveInjuries());
    assertThat(view.openInjuries()).isEqualTo(generated.openInjuries());
    assertThat(view.version()).isEqualTo(events.size() - 1);
    assertThat(folded.timelineEntries()).hasSize(events.size());
    assertThat(json.readValue(json.writeValueAsString(view), CaseView.class)).isEqualTo(view);
    assertThat(json.readValue(json.writeValueAsString(folded.timelineEntries()), new TypeReference<List<TimelineEntry>>() {}))
        .isEqualTo(folded.timelineEntries());
  }

  /** The auditor's replay folds the events up to any instant: every prefix of a valid sequence folds too. */
  @Property(tries = 60)
  void everyPrefixOfAValidSequenceFolds(@ForAll("cases") GeneratedCase generated) {
    List<DomainEventMessage<?>> events = generated.events(CLINICIAN);
    for (int length = 1; length <= events.size(); length++) {
      assertThat(fold.fold(events.subList(0, length))).isNotNull();
    }
  }
}
