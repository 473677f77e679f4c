package com.capitalledger.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The service's packages depend on one another one way: no package reaches back to one that reaches it. */
@AnalyzeClasses(packages = "com.capitalledger.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("com.capitalledger.api.(*)..")
            .should().beFreeOfCycles()
            .because("a newcomer can read a package knowing only the packages below it");

    @ArchTest
    static final ArchRule onlyTheApplicationInTheRootPackage = classes()
            .that().resideInAPackage("com.capitalledger.api")
            .should().haveSimpleName("LedgerApplication")
            .because("every other class belongs to the package of its job");
}
