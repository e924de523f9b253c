package com.kineticcasebook.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

/** case-api is the shared language of the system: messages and the aggregate, free of web, SQL and JPA. */
@AnalyzeClasses(packages = "com.kineticcasebook", importOptions = ImportOption.DoNotIncludeTests.class)
class CaseApiArchitectureTest {

  @ArchTest
  static final ArchRule noSpringSqlJpaOrServlet = noClasses()
      .that().resideInAPackage("com.kineticcasebook..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..", "javax.persistence..",
          "jakarta.servlet..")
      .because("case-api holds the domain and its messages; storage and web belong to other modules");

  @ArchTest
  static final ArchRule revisionedClassesAreRecords = classes()
      .that().areAnnotatedWith(Revision.class)
      .should().beRecords()
      .because("a stored event is an immutable value whose shape changes only through a new revision");

  @ArchTest
  static final ArchRule referenceDataStandsAlone = noClasses()
      .that().resideInAPackage("com.kineticcasebook.reference..")
      .should().dependOnClassesThat().resideInAnyPackage("com.kineticcasebook.patientcase..",
          "com.kineticcasebook.caseload..", "org.axonframework..")
      .because("reference data is plain values that every module, and the API, can publish as they are");
}
