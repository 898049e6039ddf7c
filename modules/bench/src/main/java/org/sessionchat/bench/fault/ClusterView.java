package org.sessionchat.bench.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each node of the cluster says about it right now: the cluster size its {@code /health}
 * reports, and the rooms its {@code LIST} answers with (only the probe's own rooms).
 *
 * <p>Why both: a heal is complete for users only when every node sees every member again
 * <em>and</em> every node lists the same rooms; Hazelcast's membership comes back first, the
 * registry a moment later.
 */
final class ClusterView {

  private static final Pattern CLUSTER_SIZE = Pattern.compile("\"clusterSize\"\\s*:\\s*(\\d+)");

  private final List<String> clientNodes;
  private final List<String> healthNodes;
  private final String prefix;
  private final long origin;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  ClusterView(List<String> clientNodes, List<String> healthNodes, String prefix, long origin) {
    this.clientNodes = List.copyOf(clientNodes);
    this.healthNodes = List.copyOf(healthNodes);
    this.prefix = prefix;
    this.origin = origin;
  }

  int nodes() {
    return clientNodes.size();
  }

  /** Node {@code node}'s (1-based) cluster size, empty when it does not answer. */
  Optional<Integer> clusterSize(int node) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create("http://" + healthNodes.get(node - 1) + "/health")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher size = CLUSTER_SIZE.matcher(response.body());
      return size.find() ? Optional.of(Integer.parseInt(size.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The probe's rooms node {@code node} lists, sorted; empty when it does not answer. */
  Optional<List<String>> rooms(int node) {
    try (ProbeMember lister = ProbeMember.connect(prefix + "-l" + node, node, clientNodes.get(node - 1), origin)) {
      lister.send("LIST");
      String answer = lister.next(5);
      if (answer == null || !answer.startsWith("ROOMS")) {
        return Optional.empty();
      }
      List<String> mine = new ArrayList<>();
      String names = answer.length() > 6 ? answer.substring(6) : "";
      for (String name : Arrays.asList(names.split(":"))) {
        if (name.startsWith(prefix + "-")) {
          mine.add(name);
        }
      }
      mine.sort(null);
      return Optional.of(mine);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** True when every node sees {@code size} members and lists exactly {@code expected}. */
  boolean whole(int size, List<String> expected) {
    for (int node = 1; node <= nodes(); node++) {
      if (!clusterSize(node).equals(Optional.of(size)) || !rooms(node).equals(Optional.of(expected))) {
        return false;
      }
    }
    return true;
  }
}
