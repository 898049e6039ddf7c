package org.sessionchat.chat.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A web jar on the class path: an npm package's files under
 * {@code META-INF/resources/webjars/<name>/<version>/}, served by the web console from the
 * node's own jar so that nothing is fetched from the internet at run time.
 *
 * <p>Why look the version up: the build picks it (one place, the parent pom); the console
 * reads it from the jar's Maven metadata instead of repeating it.
 *
 * @param name      the npm package, e.g. {@code viz.js}
 * @param version   its version, e.g. {@code 2.1.2}
 */
public record WebJar(String name, String version) {

  /** The class-path folder holding the package's files. */
  public String resourceRoot() {
    return "META-INF/resources/webjars/" + name + "/" + version;
  }

  /** The npm web jar {@code org.webjars.npm:<name>} on the class path; fails if it is missing. */
  public static WebJar npm(String name) {
    String metadata = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    try (InputStream in = WebJar.class.getClassLoader().getResourceAsStream(metadata)) {
      if (in == null) {
        throw new IllegalStateException("web jar missing from the class path: org.webjars.npm:" + name);
      }
      Properties properties = new Properties();
      properties.load(in);
      return new WebJar(name, properties.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
