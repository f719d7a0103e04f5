package uk.stepup;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The dependency rule: features are plain Java with ports; Discord, SQL, Quartz, Flyway and Jackson live in
 * adapters; only {@code app} wires everything; no package cycles.
 */
@AnalyzeClasses(packages = "uk.stepup", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /**
     * The features, lowest layer first. A feature may use the features before it in this list, never one after it:
     * {@code weekly} (the tick that posts prompts, reminders and summaries) sits on top because it uses almost
     * everything; {@code shared} and {@code privacy} sit at the bottom because everything uses them.
     */
    static final List<String> LAYERS = List.of(
            "shared",
            "privacy",
            "curriculum",
            "cohorts",
            "deliveries",
            "checkins",
            "actions",
            "tasks",
            "measures",
            "improvement",
            "summaries",
            "portfolio",
            "weekly");

    static final String[] FEATURES =
            LAYERS.stream().map(f -> "uk.stepup." + f + "..").toArray(String[]::new);
    static final String[] ADAPTERS = {
        "uk.stepup.discord..", "uk.stepup.storage..", "uk.stepup.scheduling..", "uk.stepup.charts..",
        "uk.stepup.config..", "uk.stepup.sandbox..", "uk.stepup.export..", "uk.stepup.report..",
        "uk.stepup.csv..", "uk.stepup.prompts.."
    };

    @ArchTest
    static final ArchRule features_import_no_frameworks = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "net.dv8tion..",
                    "org.quartz..",
                    "java.sql..",
                    "javax.sql..",
                    "org.flywaydb..",
                    "com.fasterxml.jackson..",
                    "org.sqlite..",
                    "org.jfree..",
                    "okhttp3..",
                    "java.awt..",
                    "javax.imageio..")
            .because("features are plain Java with ports; frameworks belong in adapters");

    /**
     * What a feature may use at all: the JDK, SLF4J's logging API, itself and the features below it. Anything else (a
     * framework, an adapter, a feature above it) needs a port.
     */
    @ArchTest
    static void features_use_only_the_jdk_logging_and_the_features_below_them(JavaClasses classes) {
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> allowed = new ArrayList<>(List.of("java..", "org.slf4j.."));
            for (int below = 0; below <= i; below++) {
                allowed.add("uk.stepup." + LAYERS.get(below) + "..");
            }
            classes()
                    .that()
                    .resideInAPackage("uk.stepup." + LAYERS.get(i) + "..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(allowed.toArray(String[]::new))
                    .because("features are layered: " + String.join(" < ", LAYERS))
                    .check(classes);
        }
    }

    @ArchTest
    static final ArchRule features_do_not_know_adapters = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ADAPTERS)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("uk.stepup.app..")
            .because("adapters depend on features, never the other way round");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices().matching(
                    "uk.stepup.(discord|storage|scheduling|charts|sandbox|config|export|report|csv|prompts)..")
            .should()
            .notDependOnEachOther()
            .because("adapters meet only in the composition root");

    @ArchTest
    static final ArchRule only_app_wires_everything = noClasses()
            .that()
            .resideOutsideOfPackage("uk.stepup.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("uk.stepup.app..")
            .because("the composition root is the single place that knows every package");

    @ArchTest
    static final ArchRule no_cycles =
            slices().matching("uk.stepup.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_sandbox_is_independent_of_the_bot = noClasses()
            .that()
            .resideInAPackage("uk.stepup.sandbox..")
            .should()
            .dependOnClassesThat(resideInAPackage("uk.stepup..").and(resideOutsideOfPackage("uk.stepup.sandbox..")))
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("net.dv8tion..")
            .because(
                    "the sandbox speaks Discord's protocol, not our bot's internals: it depends on no package of the bot");
}
