package com.kineticcasebook.demo;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How far demo mode has got in recording its synthetic cases, so that every page can say the
 * caseload is still filling up rather than show it half-empty without a word. The web server
 * answers while the cases are being recorded. Outside demo mode nothing is ever being recorded.
 */
@Component
public class DemoProgress {

  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger recorded = new AtomicInteger();

  /** True while demo cases are being recorded. */
  public boolean isRecording() {
    return recorded.get() < total.get();
  }

  public int getRecorded() {
    return recorded.get();
  }

  public int getTotal() {
    return total.get();
  }

  void started(int cases) {
    recorded.set(0);
    total.set(cases);
  }

  void recorded(int cases) {
    recorded.set(cases);
  }

  /** Recording ended, complete or cut short by a stop: nothing is being recorded any more. */
  void ended() {
    total.set(recorded.get());
  }
}
