package com.kineticcasebook.architecture;

import com.kineticcasebook.CasebookApplication;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application's modules (one top-level package each under {@code com.kineticcasebook}) have
 * no cycles and use each other only as their package-info allows. The domain, read-side,
 * generator and integrity packages of the other Maven modules are libraries here, not application modules.
 */
class ApplicationModulesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(CasebookApplication.class,
      JavaClass.Predicates.resideInAnyPackage("com.kineticcasebook.patientcase..", "com.kineticcasebook.reference..",
          "com.kineticcasebook.caseload..", "com.kineticcasebook.outcomes..", "com.kineticcasebook.projections..",
          "com.kineticcasebook.generator..", "com.kineticcasebook.integrity.."));

  @Test
  void theModulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  /** Writes the module overview and one canvas per module to docs/modules, which the docs link. */
  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
