package org.sessionchat.chat.net;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Vert.x's internal API is reached from one adapter only, {@link VertxInternals} (nested classes included). */
class InternalApiTest {

  @Test
  void onlyVertxInternalsUsesVertxInternalApi() {
    JavaClasses server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("org.sessionchat.chat");
    noClasses().that().doNotHaveFullyQualifiedName(VertxInternals.class.getName())
        .and().haveNameNotMatching(java.util.regex.Pattern.quote(VertxInternals.class.getName()) + "\\$.*")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx.core.internal..", "io.vertx.core.impl..")
        .check(server);
  }
}
