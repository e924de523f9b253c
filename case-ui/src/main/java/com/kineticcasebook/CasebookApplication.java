package com.kineticcasebook;

import com.kineticcasebook.eventstore.OfflineVerification;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Kinetic Casebook: records running-injury cases as events and shows what became of them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CasebookApplication {

  /** Starts the application; {@code verify ...} instead verifies a database offline (docs/security.md) and exits. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("verify")) {
      System.exit(OfflineVerification.run(Arrays.copyOfRange(args, 1, args.length), System.out));
    }
    SpringApplication.run(CasebookApplication.class, args);
  }
}
