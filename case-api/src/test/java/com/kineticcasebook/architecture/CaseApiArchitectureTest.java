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
  static final ArchRule noSpringWebSqlOrJpa = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..", "javax.persistence..",
          "jakarta.servlet..")
      .because("case-api holds the domain and its messages; storage and web belong to other modules");

  @ArchTest
  static final ArchRule eventsAreVersionedRecords = classes()
      .that().resideInAPackage("com.kineticcasebook.patientcase")
      .and().haveSimpleNameNotEndingWith("Id")
      .and().areRecords()
      .and().haveNameMatching(".*(Opened|Reported|Filmed|VideoAttached|Hypothesised|Started|Measured|Resolved|MarkedInError|Closed|Reopened)$")
      .should().beAnnotatedWith(Revision.class)
      .because("a stored event's shape may only change through a new revision and an upcaster");
}
