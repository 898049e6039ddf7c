package org.sessionchat.bench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectTest {

  private final Recorded events = new Recorded();

  @Test
  void chatMessageLineYieldsThePayloadAfterRoomAndNick() {
    String payload = new Payload(1, 2, 3).encode(20);

    new ChatDialect().read(Buffer.buffer("MSG:r-1:b1:" + payload), events);

    assertThat(events.seen).containsExactly("message " + payload);
  }

  @Test
  void chatRepliesMapToLifecycleEvents() {
    ChatDialect chat = new ChatDialect();
    for (String line : List.of("WELCOME:guest-1:n1", "OK:NICK:b1", "OK:CREATE:r", "ERROR:ROOM_EXISTS:r",
        "OK:JOIN:r", "ERROR:IN_ROOM:r", "OFFLINE:r", "ERROR:BAD_NAME:x", "PONG")) {
      chat.read(Buffer.buffer(line), events);
    }

    assertThat(events.seen).containsExactly("registered", "created", "created", "joined", "joined",
        "offline", "error ERROR:BAD_NAME:x");
  }

  @Test
  void chatCommandsFollowTheWireProtocol() {
    ChatDialect chat = new ChatDialect();

    assertThat(chat.login("b1")).containsExactly("NICK:b1");
    assertThat(chat.create("r")).isEqualTo("CREATE:r");
    assertThat(chat.join("r")).isEqualTo("JOIN:r");
    assertThat(chat.say("r", "hi")).isEqualTo("CHAT:hi");
  }

  @Test
  void ircPrivmsgYieldsTheTrailingParameter() {
    String payload = new Payload(1, 2, 3).encode(20);

    new IrcDialect().read(Buffer.buffer(":b1!~b1@127.0.0.1 PRIVMSG #r-1 :" + payload), events);

    assertThat(events.seen).containsExactly("message " + payload);
  }

  @Test
  void ircPingIsAnsweredWithTheSameToken() {
    new IrcDialect().read(Buffer.buffer("PING :bench.ngircd.local"), events);

    assertThat(events.seen).containsExactly("reply PONG :bench.ngircd.local");
  }

  @Test
  void ircNumericsMapToLifecycleEventsAndErrors() {
    IrcDialect irc = new IrcDialect();
    for (String line : List.of(":srv 001 b1 :Welcome", ":srv 353 b1 = #r :b1", ":srv 366 b1 #r :End of NAMES list",
        ":srv 433 * b1 :Nickname already in use", ":srv NOTICE b1 :hello")) {
      irc.read(Buffer.buffer(line), events);
    }

    assertThat(events.seen).containsExactly("registered", "joined",
        "error :srv 433 * b1 :Nickname already in use");
  }

  @Test
  void ircJoinCreatesTheChannelSoThereIsNoCreateCommand() {
    IrcDialect irc = new IrcDialect();

    assertThat(irc.create("r")).isNull();
    assertThat(irc.join("r")).isEqualTo("JOIN #r");
    assertThat(irc.login("b1")).containsExactly("NICK b1", "USER b1 0 * :bench");
    assertThat(irc.say("r", "hi")).isEqualTo("PRIVMSG #r :hi");
  }

  @Test
  void unknownProtocolNameIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Dialect.named("xmpp"))
        .hasMessageContaining("unknown protocol 'xmpp'");
  }

  /** Writes down every event as text. */
  private static final class Recorded implements ServerEvents {
    final List<String> seen = new ArrayList<>();

    @Override
    public void registered() {
      seen.add("registered");
    }

    @Override
    public void created() {
      seen.add("created");
    }

    @Override
    public void joined() {
      seen.add("joined");
    }

    @Override
    public void message(Buffer line, int payloadOffset) {
      seen.add("message " + line.getString(payloadOffset, line.length()));
    }

    @Override
    public void reply(String line) {
      seen.add("reply " + line);
    }

    @Override
    public void roomOffline() {
      seen.add("offline");
    }

    @Override
    public void error(String line) {
      seen.add("error " + line);
    }
  }
}
