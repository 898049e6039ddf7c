package org.sessionchat.chat;

import org.junit.jupiter.api.Test;
import org.sessionchat.chat.testing.LineClient;
import org.sessionchat.chat.testing.LocalChatNode;

/** {@code --no-monitor} (for measurement) changes nothing a client can see. */
class MonitorOffTest {

  @Test
  void chatWorksTheSameWithTheMonitorOff() throws Exception {
    try (LocalChatNode node = LocalChatNode.start("unmonitored", false);
        LineClient ann = node.connect("ann"); LineClient bob = node.connect("bob")) {
      ann.call("CREATE:free", "OK:CREATE:free").call("JOIN:free", "OK:JOIN:free");
      bob.call("JOIN:free", "OK:JOIN:free").call("LIST", "ERROR:IN_ROOM:free");
      bob.send("CHAT:unchecked");
      ann.expect("MSG:free:bob:unchecked");
      ann.call("LEAVE", "OK:LEAVE:free").call("LIST", "ROOMS:free");
    }
  }
}
