package com.capitalledger.journal;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The journal stands on the domain alone, and its features (tree, entry, store, digest, ...) form no cycle. */
@AnalyzeClasses(packages = "com.capitalledger.journal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule journalDependsOnCoreOnly = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.capitalledger.projections..",
                    "com.capitalledger.api..", "org.springframework.web..", "jakarta.servlet..")
            .because("the journal is verifiable on its own: the service's doors use it, never the other way round");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.capitalledger.journal.(*)..")
            .should().beFreeOfCycles();
}
