package com.capitalledger.projections.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies point one way: api, then projections (and the journal, beside them), then core; and within projections,
 * storage on the folds.
 */
@AnalyzeClasses(packages = "com.capitalledger.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String FOLDS = "com.capitalledger.projections.fold..";

    @ArchTest
    static final ArchRule projectionsDoNotDependOnTheApi = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.capitalledger.api..", "org.springframework.web..",
                    "jakarta.servlet..")
            .because("read models are usable without the HTTP service, for example in an in-memory what-if replay");

    @ArchTest
    static final ArchRule projectionsDoNotDependOnTheJournal = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.capitalledger.journal..")
            .because("the journal and the read models are two neighbours on the core; only the service uses both");

    @ArchTest
    static final ArchRule projectionsHaveNoFloatingPoint = noClasses()
            .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class, double.class, float.class)
            .because("money and rates are exact: BigDecimal only");

    @ArchTest
    static final ArchRule foldsUseNoFrameworkOrDatabase = noClasses()
            .that().resideInAPackage(FOLDS)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                    "java.sql..", "javax.sql..", "org.postgresql..")
            .because("the folds run alike in the event handlers, a rebuild, a what-if replay and a unit test in memory");

    @ArchTest
    static final ArchRule foldsDoNotDependOnTheirStorage = noClasses()
            .that().resideInAPackage(FOLDS)
            .should().dependOnClassesThat(resideInAPackage("com.capitalledger.projections..")
                    .and(not(resideInAPackage(FOLDS))))
            .because("tables, handlers and services are built on the folds, never the other way round");

    @ArchTest
    static final ArchRule foldsReadNoClock = noClasses()
            .that().resideInAPackage(FOLDS)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().dependOnClassesThat().belongToAnyOf(Clock.class)
            .because("a fold is a function of its events: the same history gives the same positions, whenever folded");

    @ArchTest
    static final ArchRule noPackageDependsOnItself = slices().matching("com.capitalledger.projections.(*)..")
            .should().beFreeOfCycles()
            .because("each package can then be read, and changed, knowing only those beneath it");

    /** Each class lives in a package the slice rule sees: one directly in the root package would escape it. */
    @ArchTest
    static final ArchRule noClassInTheRootPackage = noClasses()
            .should().resideInAPackage("com.capitalledger.projections")
            .because("the slice rule above matches com.capitalledger.projections.(*).. only");
}
