package com.kineticcasebook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Kinetic Casebook: records running-injury cases as events and shows what became of them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CasebookApplication {

  public static void main(String[] args) {
    SpringApplication.run(CasebookApplication.class, args);
  }
}
