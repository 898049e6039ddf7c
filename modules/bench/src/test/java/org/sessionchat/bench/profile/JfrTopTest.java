package org.sessionchat.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JfrTopTest {

  @Test
  void framesFallIntoTheMostSpecificLayer() {
    assertThat(Layer.of("org.sessionchat.scribble.fsm.FsmMonitor.step")).isEqualTo("monitor FSM step (scribble)");
    assertThat(Layer.of("io.vertx.core.eventbus.impl.EventBusImpl.send")).isEqualTo("Vert.x event bus");
    assertThat(Layer.of("io.vertx.core.net.impl.VertxConnection.write")).isEqualTo("Vert.x (net, contexts, other)");
    assertThat(Layer.of("java.lang.String.hashCode")).isEqualTo("JDK (collections, strings, other)");
    assertThat(Layer.of("Foo.bar")).isEqualTo("other");
  }

  @Test
  void tableListsTheLargestFirstWithTheirShare() {
    JfrTop.Counts counts = new JfrTop.Counts();
    counts.add("a", 1);
    counts.add("b", 3);
    counts.add("c", 6);

    String table = JfrTop.table("share", "method", counts, 10, 2);

    assertThat(table).contains("| 60.0 % | `c` |\n| 30.0 % | `b` |").doesNotContain("`a`");
    assertThat(counts.top(5)).extracting(Map.Entry::getKey).containsExactly("c", "b", "a");
  }
}
