package org.sessionchat.chat.it;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A failed multi-JVM test says what its nodes saw: the failure is rethrown with the
 * {@link ScriptedCluster#timeline()} of every cluster the test opened (members, failure
 * detection, warnings, up to the cluster's stop).
 *
 * <p>Why in the failure itself: on a CI machine the run directories with the node logs are
 * gone once the build ends, and a timing failure (an {@code OFFLINE} that came late) cannot be
 * understood from the test's own lines. Tests run one at a time on the test thread, which
 * opens and closes its clusters, so the clusters are tracked for that thread.
 */
final class ClusterLogsOnFailure implements TestExecutionExceptionHandler, AfterEachCallback {

  private static final ThreadLocal<List<ScriptedCluster>> OPENED = ThreadLocal.withInitial(ArrayList::new);

  /** Called by every {@link ScriptedCluster} as it is made. */
  static void opened(ScriptedCluster cluster) {
    OPENED.get().add(cluster);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    List<ScriptedCluster> clusters = OPENED.get();
    if (clusters.isEmpty()) {
      throw failure;
    }
    StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage()));
    for (ScriptedCluster cluster : clusters) {
      message.append(System.lineSeparator()).append(cluster.timeline());
    }
    throw new AssertionError(message.toString(), failure);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    OPENED.remove();
  }
}
