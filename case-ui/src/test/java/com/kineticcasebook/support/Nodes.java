package com.kineticcasebook.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The application processes a test runs on one database, each on a free port and all killed after
 * the test, whatever became of them in it: {@code @RegisterExtension final Nodes nodes = new Nodes();}.
 */
public final class Nodes implements AfterEachCallback {

  private final List<ApplicationProcess> started = new ArrayList<>();

  /** Starts a node named {@code name} (its log is {@code name.log} in {@code dataDir}) with further settings. */
  public ApplicationProcess start(TestDatabase database, Path dataDir, String name, List<String> settings)
      throws Exception {
    ApplicationProcess node = ApplicationProcess.start(database, dataDir, ApplicationProcess.freePort(), name,
        settings);
    started.add(node);
    return node;
  }

  public ApplicationProcess start(TestDatabase database, Path dataDir, String name) throws Exception {
    return start(database, dataDir, name, List.of());
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    for (ApplicationProcess node : started) {
      node.close();
    }
    started.clear();
  }
}
