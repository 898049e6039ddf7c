package org.sessionchat.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import java.util.Set;
import org.sessionchat.chat.actor.ChatProtocol;
import java.util.List;
import org.sessionchat.chat.actor.ClientActor;
import org.sessionchat.chat.actor.ClientMode;
import org.sessionchat.chat.actor.ClientTransport;
import org.sessionchat.chat.actor.NickServer;
import org.sessionchat.chat.irc.IrcWire;
import org.sessionchat.chat.limits.ConnectionLimits;
import org.sessionchat.chat.net.LineWire;
import org.sessionchat.chat.actor.RoomManager;
import org.sessionchat.chat.actor.RoomRegistry;
import org.sessionchat.chat.cluster.Quorum;
import org.sessionchat.chat.cluster.RegistryRepair;
import org.sessionchat.chat.limits.LimitCounters;
import org.sessionchat.chat.limits.Limits;
import org.sessionchat.chat.limits.RoomQuota;
import org.sessionchat.chat.net.ContextBoundTransport;
import org.sessionchat.chat.net.LineConnection;
import org.sessionchat.chat.net.ServerTls;
import org.sessionchat.chat.net.TcpListener;
import org.sessionchat.chat.net.TcpServerVerticle;
import org.sessionchat.session.ActorRef;
import org.sessionchat.session.Placement;
import org.sessionchat.session.SessionRuntime;
import org.sessionchat.session.SessionRuntimeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat node on a given Vert.x instance (clustered or not): its session runtime, its
 * room manager, and its TCP listeners (a server on every event loop) with one client actor per
 * connection, on the connection's event loop.
 *
 * <p>Why separate from {@link ChatNode}: tests start several nodes in one JVM on Vert.x
 * instances they built themselves; the command line only adds options, the health
 * endpoint and process lifecycle around this.
 */
public final class ChatServerNode {

  private static final Logger log = LoggerFactory.getLogger(ChatServerNode.class);

  /**
   * @param nodeName      shown to clients in {@code WELCOME}; null for {@code node-<port>}
   * @param host          the interface to listen on
   * @param port          the TCP port, 0 for an ephemeral one
   * @param maxLineLength the longest client line accepted, in bytes
   * @param limits        connection, room and flood limits
   * @param tls           TLS on the client port, or null for plain TCP
   * @param ircPort       the IRC port (0: ephemeral), or {@link #IRC_OFF}
   * @param serverName    the IRC server name; null for the node's name
   * @param clusterQuorum cluster members this node's side needs to create rooms (a majority
   *                      of the planned cluster); 0 or 1 = none needed
   */
  public record Settings(String nodeName, String host, int port, int maxLineLength, Limits limits, ServerTls tls,
      int ircPort, String serverName, int clusterQuorum) {

    /** No IRC listener. */
    public static final int IRC_OFF = -1;

    /** Settings without an IRC listener and without a cluster quorum. */
    public Settings(String nodeName, String host, int port, int maxLineLength, Limits limits, ServerTls tls) {
      this(nodeName, host, port, maxLineLength, limits, tls, IRC_OFF, null, 0);
    }

    /** The same settings with an IRC listener on {@code port} (0: ephemeral), named {@code name} (null: the node's name). */
    public Settings withIrc(int port, String name) {
      return new Settings(nodeName, host, this.port, maxLineLength, limits, tls, port, name, clusterQuorum);
    }

    /** The same settings with a cluster quorum of {@code members} (0: none). */
    public Settings withClusterQuorum(int members) {
      return new Settings(nodeName, host, port, maxLineLength, limits, tls, ircPort, serverName, members);
    }

    /** Settings without limits (tests of other things). */
    public Settings(String nodeName, String host, int port, int maxLineLength) {
      this(nodeName, host, port, maxLineLength, Limits.NONE);
    }

    /** Settings for plain TCP. */
    public Settings(String nodeName, String host, int port, int maxLineLength, Limits limits) {
      this(nodeName, host, port, maxLineLength, limits, null);
    }

    NetServerOptions serverOptions() {
      return serverOptions(port);
    }

    NetServerOptions serverOptions(int listenPort) {
      NetServerOptions options = TcpServerVerticle.serverOptions(host, listenPort);
      return tls == null ? options : tls.applyTo(options);
    }

    /** The node's name once its TCP port is known. */
    String nameFor(int actualPort) {
      return nodeName != null ? nodeName : "node-" + actualPort;
    }
  }

  private final Vertx vertx;
  private final SessionRuntime runtime;
  private final RoomManager roomManager;
  private final NickServer nickServer;
  private final TcpListener tcpServer;
  private final TcpListener ircServer;
  private final List<String> deploymentIds;
  private final String nodeName;
  private final LimitCounters limitCounters;
  private final ClientFactory clients;
  private final NodeNames nodeNames;
  private final RegistryRepair repair;

  private ChatServerNode(Vertx vertx, SessionRuntime runtime, RoomManager roomManager, NickServer nickServer,
      TcpListener tcpServer, TcpListener ircServer, List<String> deploymentIds, String nodeName,
      LimitCounters limitCounters, ClientFactory clients, NodeNames nodeNames, RegistryRepair repair) {
    this.nodeNames = nodeNames;
    this.repair = repair;
    this.ircServer = ircServer;
    this.clients = clients;
    this.limitCounters = limitCounters;
    this.vertx = vertx;
    this.runtime = runtime;
    this.roomManager = roomManager;
    this.nickServer = nickServer;
    this.tcpServer = tcpServer;
    this.deploymentIds = deploymentIds;
    this.nodeName = nodeName;
  }

  /** Starts a node; on failure everything started so far is closed again. */
  public static Future<ChatServerNode> start(Vertx vertx, SessionRuntimeOptions runtimeOptions, Settings settings) {
    return SessionRuntime.start(vertx, runtimeOptions).compose(runtime -> startOn(vertx, runtime, settings)
        .recover(failure -> runtime.close().transform(closed -> Future.failedFuture(failure))));
  }

  private static Future<ChatServerNode> startOn(Vertx vertx, SessionRuntime runtime, Settings settings) {
    Future<RoomRegistry> rooms = RoomRegistry.open(vertx, runtime::clusterNodes);
    Future<RoomRegistry> nicks = RoomRegistry.open(vertx, NickServer.MAP_NAME, runtime::clusterNodes);
    Future<NodeNames> nodeNames = NodeNames.open(vertx);
    return Future.all(rooms, nicks, nodeNames).compose(opened -> {
      RoomRegistry registry = rooms.result();
      NodeNames names = nodeNames.result();
      LimitCounters counters = new LimitCounters();
      RoomManager manager = new RoomManager(runtime, registry, settings.limits(), counters, names,
          new Quorum(settings.clusterQuorum(), runtime::clusterNodes));
      GuestNames guestNames = new GuestNames(vertx);
      // IRC nicks allow no '.': a fallback guest name (guest-<node>.<n>) is given with '-'
      NickServer nickServer = new NickServer(nicks.result(),
          lost -> guestNames.next(names.of(runtime.nodeId())).map(name -> name.replace('.', '-')));
      runtime.nameNodesWith(names::of);
      runtime.onNodeLeft(nickServer::forgetNode);
      RegistryRepair repair = RegistryRepair.start(vertx, runtime, registry, manager, names::departed,
          List.of(nickServer::reconcile));
      Future<ActorRef> managerRef = runtime.spawn(ChatProtocol.KIND_ROOM_MANAGER, RoomManager.ACTOR_ID, manager);
      Future<ActorRef> nickRef = runtime.spawn(ChatProtocol.KIND_NICK_SERVER, NickServer.ACTOR_ID, nickServer);
      return Future.all(managerRef, nickRef).compose(spawned -> {
        ConnectionLimits admission = new ConnectionLimits(settings.limits(), counters);
        ClientFactory clients = new ClientFactory(runtime, managerRef.result(), nickRef.result(), manager.quota(),
            settings, guestNames, admission);
        Future<TcpListener> line = TcpListener.start(vertx, runtime.eventLoops(), settings.serverOptions(),
            options -> new TcpServerVerticle(options, settings.maxLineLength(), settings.limits(), counters, admission,
                host -> LineWire.INSTANCE, clients::connected));
        return line.compose(server -> {
          String name = settings.nameFor(server.actualPort());
          manager.nodeName(name);
          clients.nodeName = name;
          names.publish(runtime.nodeId(), name);
          if (settings.ircPort() < 0) {
            return Future.succeededFuture(new ChatServerNode(vertx, runtime, manager, nickServer, server, null,
                List.of(server.deploymentId()), name, counters, clients, names, repair));
          }
          String serverName = settings.serverName() != null ? settings.serverName() : name;
          Future<TcpListener> ircListener = TcpListener.start(vertx, runtime.eventLoops(),
              settings.serverOptions(settings.ircPort()),
              options -> new TcpServerVerticle(options, IrcWire.MAX_LINE, settings.limits(), counters, admission,
                  host -> new IrcWire(serverName, host), clients::connectedIrc));
          return ircListener.map(irc -> new ChatServerNode(vertx, runtime, manager, nickServer, server, irc,
              List.of(irc.deploymentId(), server.deploymentId()), name, counters, clients, names, repair));
        });
      }).onFailure(failed -> repair.close());
    });
  }

  /** Spawns a client actor for each new connection. */
  private static final class ClientFactory {
    private final SessionRuntime runtime;
    private final ActorRef roomManager;
    private final ActorRef nickServer;
    private final RoomQuota quota;
    private final Settings settings;
    private final ClientDirectory directory = new ClientDirectory();
    private final GuestNames guestNames;
    private final ConnectionLimits admission;
    volatile String nodeName;

    ClientFactory(SessionRuntime runtime, ActorRef roomManager, ActorRef nickServer, RoomQuota quota,
        Settings settings, GuestNames guestNames, ConnectionLimits admission) {
      this.guestNames = guestNames;
      this.admission = admission;
      this.runtime = runtime;
      this.roomManager = roomManager;
      this.nickServer = nickServer;
      this.quota = quota;
      this.settings = settings;
    }

    void connected(LineConnection connection) {
      spawn(connection, ClientMode.LINE, settings.nameFor(connection.localPort()));
    }

    void connectedIrc(LineConnection connection) {
      spawn(connection, ClientMode.IRC, nodeName);
    }

    /** Call on the socket's context: the actor is placed on its event loop. */
    Future<ActorRef> spawn(ClientTransport transport, ClientMode mode, String node) {
      // the actor is a verticle of its own, on the socket's event loop: the transport carries its
      // calls to the socket's context, straight through as they share a thread (bound here, on that
      // context, before the guest name is drawn elsewhere)
      ClientTransport bound = new ContextBoundTransport(transport);
      Context socketContext = Vertx.currentContext();
      Placement placement = socketContext.isEventLoopContext()
          ? Placement.eventLoopOf(socketContext) : Placement.anyEventLoop();
      return guestNames.next(node).compose(nick -> spawn(transport, bound, placement, mode, node, nick));
    }

    private Future<ActorRef> spawn(ClientTransport transport, ClientTransport bound, Placement placement,
        ClientMode mode, String node, String nick) {
      ClientTransport toSocket = bound;
      if (transport instanceof LineConnection connection && connection.format() instanceof IrcWire irc) {
        toSocket = irc.actorSide(toSocket); // IRC lines are made on the actor's context, where their state is
      }
      ClientDirectory.Watched watched = directory.watch(toSocket);
      return runtime.spawn(ChatProtocol.KIND_CLIENT, new ClientActor(watched, mode, roomManager, nickServer, nick,
              node, quota), placement)
          .onSuccess(ref -> directory.register(ref.actorId(), watched))
          .onFailure(e -> {
            log.warn("Could not start a client actor for {}: {}", transport.remoteAddress(), e.getMessage());
            transport.close(ClientTransport.CloseReason.ACTOR_STOPPED);
          });
    }
  }

  /**
   * Stops the node: no new connections, {@code BYE} to every client, then every actor
   * stops (peers on other nodes are told). The Vert.x instance is left to its owner.
   */
  public Future<Void> close() {
    repair.close();
    nodeNames.close();
    // BYE to every client first: undeploying a server would stop its client actors (child
    // deployments) before the server's own stop could greet anyone
    return Future.join(tcpServer.shutdownConnections(),
            ircServer == null ? Future.succeededFuture() : ircServer.shutdownConnections())
        .transform(shut -> Future.join(deploymentIds.stream().map(vertx::undeploy).toList()))
        .transform(undeployed -> runtime.close())
        .onComplete(closed -> log.info("Node {} stopped", nodeName));
  }

  public String nodeName() {
    return nodeName;
  }

  /** Names of the cluster's nodes by node id, for log lines and {@code /health}. */
  public NodeNames nodeNames() {
    return nodeNames;
  }

  /** The TCP port clients connect to. */
  public int port() {
    return tcpServer.actualPort();
  }

  public SessionRuntime runtime() {
    return runtime;
  }

  /** This node's room manager (rooms hosted here). */
  public RoomManager roomManager() {
    return roomManager;
  }

  /** This node's nick server (the nicks of its IRC clients). */
  public NickServer nickServer() {
    return nickServer;
  }

  /**
   * Serves one more client over {@code transport} (e.g. the web console's WebSocket): a
   * client actor exactly like a TCP connection's, with the same commands and monitors. Call on
   * the transport's context; the actor runs on its event loop.
   */
  public Future<ActorRef> serveClient(ClientTransport transport) {
    return clients.spawn(transport, ClientMode.LINE, nodeName);
  }

  /** What the node was started with (its limits, the longest line). */
  public Settings settings() {
    return clients.settings;
  }

  /** The node's connection counts, shared by every listener (the web console's chat sockets too). */
  public ConnectionLimits connectionLimits() {
    return clients.admission;
  }

  /** The nicknames of the clients connected to this node. */
  public ClientDirectory clientDirectory() {
    return clients.directory;
  }

  /** How often this node's limits struck. */
  public LimitCounters limitCounters() {
    return limitCounters;
  }

  /** Node ids of the cluster's members as this node sees them; empty once its own member is gone. */
  public Set<String> clusterMembers() {
    try {
      return runtime.clusterNodes();
    } catch (RuntimeException memberGone) { // e.g. HazelcastInstanceNotActiveException
      return Set.of();
    }
  }

  /** True if the node runs alone, or is a member of its cluster right now. */
  public boolean inCluster() {
    return !runtime.isClustered() || clusterMembers().contains(runtime.nodeId());
  }

  /** Client connections open on this node: line, IRC and the web console's chat sockets. */
  public int connectionCount() {
    return connectionLimits().open();
  }

  /** The IRC port, or {@link Settings#IRC_OFF} when the node has no IRC listener. */
  public int ircPort() {
    return ircServer == null ? Settings.IRC_OFF : ircServer.actualPort();
  }
}
