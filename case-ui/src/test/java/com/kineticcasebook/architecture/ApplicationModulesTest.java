package com.kineticcasebook.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.CasebookApplication;
import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application's modules (one top-level package each under {@code com.kineticcasebook}) have
 * no cycles and use each other only as their package-info allows. The domain, read-side,
 * generator and integrity packages of the other Maven modules are libraries here, not application modules.
 */
class ApplicationModulesTest {

  private static final Path GENERATED = Path.of("target", "modules");
  private static final Path DOCUMENTED = Path.of("..", "docs", "modules");

  static final ApplicationModules MODULES = ApplicationModules.of(CasebookApplication.class,
      JavaClass.Predicates.resideInAnyPackage("com.kineticcasebook.patientcase..", "com.kineticcasebook.reference..",
          "com.kineticcasebook.caseload..", "com.kineticcasebook.outcomes..", "com.kineticcasebook.projections..",
          "com.kineticcasebook.generator..", "com.kineticcasebook.integrity.."));

  @Test
  void theModulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  /**
   * Writes the module overview and one canvas per module to target/modules; docs/modules, which the
   * docs link, must hold the same files (copy them there when the modules change). The generator
   * lists a diagram's relations in no fixed order, so files are compared as sorted lines.
   */
  @Test
  void theModuleDocumentationIsCurrent() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    assertThat(contents(DOCUMENTED)).as("docs/modules is out of date: copy case-ui/target/modules/* there")
        .isEqualTo(contents(GENERATED));
  }

  private static Map<String, String> contents(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      Map<String, String> contents = new TreeMap<>();
      for (Path file : files.toList()) {
        contents.put(file.getFileName().toString(), String.join("\n", Files.readAllLines(file).stream().sorted().toList()));
      }
      return contents;
    }
  }
}
