package org.sessionchat.bench.run;

import java.nio.file.Path;
import java.util.List;

/**
 * How a generator process runs a scenario, as opposed to what the scenario is.
 *
 * @param threads          Vert.x event loops for all the connections
 * @param connectRate      new connections per second, at most
 * @param connectWindow    connections logging in or joining at the same time, at most
 * @param joinTimeoutSeconds how long all clients may take to get into their rooms
 * @param drainSeconds     how long to wait for messages still in flight after the last send
 * @param progressSeconds  interval of the progress line on stderr; 0 for none
 * @param roomPrefix       room names are {@code <prefix>-<n>}, so runs do not meet old rooms
 * @param sliceIndex       this process runs the rooms whose number modulo {@code sliceCount} is this
 * @param sliceCount       number of generator processes sharing the scenario
 * @param serverPids       server processes whose memory to read once everybody has joined
 * @param killPid          process to {@code kill -9} during the measured window (scenario G); 0 for none
 * @param killAfterSeconds when, counted from the start of the measured window
 * @param flooders         members of each room (its last ones) that send as fast as the server reads them;
 *                         what they receive counts towards no latency: the figures are the others'
 * @param phases           when within their period the senders with a rate send
 * @param timeline         where to write the per-millisecond timeline of the measured window; null for none
 * @param sourceAddresses  local addresses the connections are opened from, in turn; empty: the kernel's choice.
 *                         Linux gives a connection from one address to one server the next free port of half the
 *                         ephemeral range, searched port by port: past some 14,000 such connections each connect
 *                         walks the whole half, which costs more than the server spends on the client. Idle
 *                         scenarios spread their clients over several addresses (docs/benchmarks.md, "Scenarios").
 */
public record RunOptions(int threads, int connectRate, int connectWindow, int joinTimeoutSeconds,
    int drainSeconds, int progressSeconds, String roomPrefix, int sliceIndex, int sliceCount,
    List<Long> serverPids, long killPid, int killAfterSeconds, int flooders, Phases phases, Path timeline,
    List<String> sourceAddresses) {

  public RunOptions {
    serverPids = List.copyOf(serverPids);
    sourceAddresses = List.copyOf(sourceAddresses);
  }

  /** Options of a run without flooders, timeline or source addresses. */
  public RunOptions(int threads, int connectRate, int connectWindow, int joinTimeoutSeconds, int drainSeconds,
      int progressSeconds, String roomPrefix, int sliceIndex, int sliceCount, List<Long> serverPids, long killPid,
      int killAfterSeconds) {
    this(threads, connectRate, connectWindow, joinTimeoutSeconds, drainSeconds, progressSeconds, roomPrefix,
        sliceIndex, sliceCount, serverPids, killPid, killAfterSeconds, 0, Phases.ALIGNED, null, List.of());
  }

  boolean runsRoom(int room) {
    return room % sliceCount == sliceIndex;
  }
}
