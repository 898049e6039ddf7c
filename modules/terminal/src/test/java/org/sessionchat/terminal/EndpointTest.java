package org.sessionchat.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EndpointTest {

  @Test
  void portsAndHostPortsMix() {
    assertThat(Endpoint.parseList("7001, 7002,box:7003", "127.0.0.1")).containsExactly(
        new Endpoint("127.0.0.1", 7001), new Endpoint("127.0.0.1", 7002), new Endpoint("box", 7003));
  }

  @Test
  void bareportsTakeTheDefaultHost() {
    assertThat(Endpoint.parseList("7001", "10.0.0.2")).containsExactly(new Endpoint("10.0.0.2", 7001));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "7001,", "host:", ":7001x", "70000", "0", "a:b"})
  void notAnEndpointNamesTheEntry(String text) {
    assertThatThrownBy(() -> Endpoint.parseList(text, "127.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'");
  }
}
