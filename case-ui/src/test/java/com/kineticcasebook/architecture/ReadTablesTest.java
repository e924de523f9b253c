package com.kineticcasebook.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The read side's tables belong to case-projections: the application asks it through its queries
 * and its ports ({@code CaseDirectory}), and never writes SQL of its own against them, so the read
 * side can change its tables and rebuild them without the application noticing.
 */
class ReadTablesTest {

  private static final Pattern READ_TABLE =
      Pattern.compile("\\b(case_directory|case_view|outcome_secondary|outcome_measure_change|outcome_clinic_version|outcome_case_change)\\b");

  @Test
  void noApplicationCodeNamesAReadSideTable() throws IOException {
    List<String> offenders;
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      offenders = sources.filter(path -> path.toString().endsWith(".java"))
          .filter(ReadTablesTest::namesAReadTable).map(Path::toString).toList();
    }
    assertThat(offenders).isEmpty();
  }

  private static boolean namesAReadTable(Path source) {
    try {
      return READ_TABLE.matcher(Files.readString(source)).find();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
