package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.caseload.CaseTimeline;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.patientcase.UserId;
import com.kineticcasebook.projections.caseview.CaseFold;
import com.kineticcasebook.support.CaseSequences;
import com.kineticcasebook.support.CaseSequences.GeneratedCase;
import java.time.ZoneId;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The case page shows any valid case, whichever optional fields its events leave out. */
class CasePageAssemblerPropertyTest {

  private static final UserId CLINICIAN = new UserId(UUID.randomUUID());
  private static final ZoneId ZONE = ZoneId.of("Europe/London");

  private final CaseFold fold = new CaseFold(ZONE);
  private final CasePageAssembler assembler = new CasePageAssembler(ZONE, id -> "clinician");

  @Provide
  Arbitrary<GeneratedCase> cases() {
    return CaseSequences.cases(new ClinicId(UUID.randomUUID()), CLINICIAN, 0, 40);
  }

  @Property(tries = 200)
  void everyValidCaseHasAPage(@ForAll("cases") GeneratedCase generated) {
    CaseFold.Folded folded = fold.fold(generated.events(CLINICIAN));

    CasePage page = assembler.assemble(folded.view(), new CaseTimeline(folded.timelineEntries()), "North");

    assertThat(page.injuries()).hasSize(folded.view().injuries().size());
    assertThat(page.timeline()).hasSize(folded.timelineEntries().size());
    assertThat(page.hypothesis() == null).isEqualTo(folded.view().primaryInjuryId() == null);
  }
}
