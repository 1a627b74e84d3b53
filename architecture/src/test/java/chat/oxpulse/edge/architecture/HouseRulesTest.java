package chat.oxpulse.edge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of design.md that keep the house simple, checked on the production classes of every
 * module.
 */
class HouseRulesTest {

  static JavaClasses all;

  @BeforeAll
  static void importClasses() {
    all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("chat.oxpulse.edge");
  }

  private static final String CORE = "chat.oxpulse.edge.core..";
  private static final String CHANNELS = "chat.oxpulse.edge.channels..";
  private static final String METRICS = "chat.oxpulse.edge.metrics..";
  private static final String ALERTS = "chat.oxpulse.edge.alerts..";
  private static final String TESTKIT = "chat.oxpulse.edge.testkit..";
  private static final String CLI = "chat.oxpulse.edge.cli..";
  private static final String OPS = "chat.oxpulse.edge.ops..";

  @Test
  void the_import_saw_the_modules() {
    // a guard: the rules below would pass vacuously on an empty import
    org.assertj.core.api.Assertions.assertThat(all.stream().map(JavaClass::getPackageName))
        .anyMatch(p -> p.startsWith("chat.oxpulse.edge.core"))
        .anyMatch(p -> p.startsWith("chat.oxpulse.edge.cli"));
  }

  @Test
  void core_depends_on_no_other_module() {
    noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(CHANNELS, METRICS, ALERTS, TESTKIT, CLI, OPS)
        .check(all);
  }

  @Test
  void channels_metrics_and_alerts_never_reach_sideways_or_up() {
    noClasses().that().resideInAPackage(CHANNELS)
        .should().dependOnClassesThat().resideInAnyPackage(METRICS, ALERTS, TESTKIT, CLI, OPS)
        .check(all);
    noClasses().that().resideInAPackage(METRICS)
        .should().dependOnClassesThat().resideInAnyPackage(CHANNELS, ALERTS, TESTKIT, CLI, OPS)
        .check(all);
    noClasses().that().resideInAPackage(ALERTS)
        .should().dependOnClassesThat().resideInAnyPackage(CHANNELS, METRICS, TESTKIT, CLI, OPS)
        .check(all);
  }

  @Test
  void testkit_stands_on_core_only() {
    noClasses().that().resideInAPackage(TESTKIT)
        .should().dependOnClassesThat().resideInAnyPackage(CHANNELS, METRICS, ALERTS, CLI, OPS)
        .check(all);
  }

  @Test
  void ops_knows_nothing_of_picocli_or_the_commands() {
    noClasses().that().resideInAPackage(OPS)
        .should().dependOnClassesThat().resideInAnyPackage("picocli..", CLI)
        .check(all);
  }

  @Test
  void only_cli_prints() {
    noClasses().that().resideOutsideOfPackage(CLI)
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .check(all);
  }

  @Test
  void only_cli_exits() {
    noClasses().that().resideOutsideOfPackage(CLI)
        .should().callMethod(System.class, "exit", int.class)
        .orShould().callMethod(Runtime.class, "exit", int.class)
        .orShould().callMethod(Runtime.class, "halt", int.class)
        .check(all);
  }

  @Test
  void no_java_util_logging() {
    noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..").check(all);
  }

  @Test
  void only_ops_and_the_testkit_talk_to_docker() {
    noClasses().that().resideOutsideOfPackages(OPS, TESTKIT)
        .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
        .check(all);
  }

  @Test
  void only_alerts_ops_and_the_testkit_talk_http() {
    noClasses().that().resideOutsideOfPackages(ALERTS, OPS, TESTKIT)
        .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "java.net.http..", "com.sun.net.httpserver..", "mockwebserver3..")
        .orShould().dependOnClassesThat().belongToAnyOf(java.net.HttpURLConnection.class, java.net.URLConnection.class)
        .check(all);
  }

  @Test
  void library_time_comes_from_an_injected_clock() {
    DescribedPredicate<JavaClass> library =
        DescribedPredicate.describe("library code", c -> !c.getPackageName().startsWith("chat.oxpulse.edge.cli")
            && !c.getPackageName().startsWith("chat.oxpulse.edge.testkit")
            && !c.getPackageName().startsWith("chat.oxpulse.edge.benchmarks")
            && !c.getName().equals("chat.oxpulse.edge.core.Sleeper"));
    noClasses().that(library)
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().callMethod(java.time.OffsetDateTime.class, "now")
        .orShould().callMethod(Thread.class, "sleep", long.class)
        .because("time comes from an injected Clock and waiting from a Sleeper tests can drive")
        .check(all);
  }

  @Test
  void internal_packages_are_used_only_inside_their_module() {
    classes().that().resideInAPackage("chat.oxpulse.edge..internal..")
        .should(onlyBeAccessedFromTheirOwnModule())
        .check(all);
  }

  private static final Pattern SECRETISH =
      Pattern.compile("(?i).*(secret|token|password|passwd|privatekey|private_key|encryption|bearer).*");

  @Test
  void secrets_are_never_plain_strings_so_toString_cannot_leak_them() {
    fields().that().areDeclaredInClassesThat().resideInAPackage("chat.oxpulse.edge..")
        .and(DescribedPredicate.describe("have a secret-sounding name",
            (JavaField f) -> SECRETISH.matcher(f.getName()).matches()
                && !f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)))
        .should(notBePlainText())
        .because("a secret held as a String prints in toString and records; use chat.oxpulse.edge.core.Secret")
        .check(all);
  }

  private static ArchCondition<JavaField> notBePlainText() {
    return new ArchCondition<>("not be a String, char[] or byte[]") {
      @Override
      public void check(JavaField f, ConditionEvents events) {
        String t = f.getRawType().getName();
        boolean plain = t.equals(String.class.getName()) || t.equals("[C") || t.equals("[B")
            || t.equals(char[].class.getName()) || t.equals(byte[].class.getName());
        if (plain) {
          events.add(SimpleConditionEvent.violated(f, f.getFullName() + " holds a secret as " + t));
        }
      }
    };
  }

  private static String moduleOf(String pkg) {
    String rest = pkg.substring("chat.oxpulse.edge.".length());
    int dot = rest.indexOf('.');
    String top = dot < 0 ? rest : rest.substring(0, dot);
    return top.equals("ops") ? "cli" : top;
  }

  private static ArchCondition<JavaClass> onlyBeAccessedFromTheirOwnModule() {
    return new ArchCondition<>("only be accessed from their own module") {
      @Override
      public void check(JavaClass target, ConditionEvents events) {
        String module = moduleOf(target.getPackageName());
        for (JavaAccess<?> access : target.getAccessesToSelf()) {
          String from = access.getOriginOwner().getPackageName();
          if (from.startsWith("chat.oxpulse.edge.") && !moduleOf(from).equals(module)) {
            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
          }
        }
      }
    };
  }
}
