package org.sessionchat.session.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;

/**
 * Checks that a module reaches Vert.x's internal API ({@code io.vertx.core.internal},
 * {@code io.vertx.core.impl}), or Hazelcast's ({@code com.hazelcast.internal},
 * {@code com.hazelcast.instance.impl}), from one adapter class only: either project may change
 * those packages in any release, and one small adapter is what has to follow.
 */
public final class InternalApiRule {

  private InternalApiRule() {
  }

  /** Fails, naming each offending call, if a main class of {@code basePackage} but {@code adapter} uses it. */
  public static void onlyIn(Class<?> adapter, String basePackage) {
    onlyIn(adapter, basePackage, "io.vertx.core.internal..", "io.vertx.core.impl..");
  }

  /** Fails, naming each offending call, if a main class of {@code basePackage} but {@code adapter} uses Hazelcast's. */
  public static void hazelcastOnlyIn(Class<?> adapter, String basePackage) {
    onlyIn(adapter, basePackage, "com.hazelcast.internal..", "com.hazelcast.instance.impl..");
  }

  private static void onlyIn(Class<?> adapter, String basePackage, String... internalPackages) {
    noClasses().that().doNotHaveFullyQualifiedName(adapter.getName())
        .and().haveNameNotMatching(Pattern.quote(adapter.getName()) + "\\$.*")
        .should().dependOnClassesThat().resideInAnyPackage(internalPackages)
        .check(new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(basePackage));
  }
}
