package com.kineticcasebook.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries between the modules, checked on every build. */
@AnalyzeClasses(packages = "com.kineticcasebook", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

  @ArchTest
  static final ArchRule projectionsNeverCallTheCommandSide = noClasses()
      .that().resideInAPackage("com.kineticcasebook.projections..")
      .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..",
          "org.axonframework.modelling.command..")
      .orShould().dependOnClassesThat().haveSimpleName("PatientCase")
      .because("read models are built from events only and can be dropped and rebuilt");

  @ArchTest
  static final ArchRule theApplicationReachesTheDomainOnlyThroughGateways = noClasses()
      .that().resideOutsideOfPackages("com.kineticcasebook.patientcase..", "com.kineticcasebook.eventstore..")
      .should().dependOnClassesThat().haveSimpleName("PatientCase")
      .orShould().dependOnClassesThat(resideInAPackage("org.axonframework.modelling.command..")
          .and(not(assignableTo(Throwable.class))))
      .because("controllers send commands and queries; they never load or change the aggregate themselves");

  @ArchTest
  static final ArchRule projectionsDoNotKnowTheWeb = noClasses()
      .that().resideInAPackage("com.kineticcasebook.projections..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
          "org.springframework.security..");
}
