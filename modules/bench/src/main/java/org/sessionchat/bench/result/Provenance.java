package org.sessionchat.bench.result;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What produced a result line, so that a side-by-side table can show (not just claim) that
 * every system met the same generator build with the same options in the same run: the
 * generator's own build (a hash of its jar), its options without the ones that only name a run
 * (output file, PIDs, labels), and the labels the scripts give (run id, round, server build and
 * server options).
 *
 * @param generatorBuild first 12 hex digits of the SHA-256 of the generator's jar, or
 *                       {@code classes} when it does not run from a jar
 * @param options        the generator's command-line options that shape the load
 * @param labels         free {@code key=value} pairs from {@code --label}
 */
public record Provenance(String generatorBuild, List<String> options, Map<String, String> labels) {

  /** Options whose values name a run or a process, not the load; left out of {@link #options}. */
  private static final Set<String> RUN_ONLY = Set.of("--out", "--server-pid", "--label", "--kill-pid");

  public Provenance {
    options = List.copyOf(options);
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** The provenance of this generator process, from its command line. */
  public static Provenance of(String[] args, Map<String, String> labels) {
    return new Provenance(buildOf(Provenance.class), loadOptions(args), labels);
  }

  static List<String> loadOptions(String[] args) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
      if (RUN_ONLY.contains(name)) {
        if (!args[i].contains("=")) {
          i++;
        }
        continue;
      }
      kept.add(args[i]);
    }
    return kept;
  }

  /** SHA-256 (12 hex digits) of the jar a class was loaded from; {@code classes} outside a jar. */
  static String buildOf(Class<?> type) {
    try {
      Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(source)) {
        return "classes";
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(source)) {
        byte[] chunk = new byte[1 << 16];
        for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
          sha.update(chunk, 0, n);
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | SecurityException e) {
      return "unknown";
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("build", generatorBuild).put("options", new JsonArray(options))
        .put("labels", new JsonObject(new LinkedHashMap<>(labels)));
  }
}
