package com.capitalledger.projections;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point one way: api, then projections, then core. */
@AnalyzeClasses(packages = "com.capitalledger.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule projectionsDoNotDependOnTheApi = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.capitalledger.api..", "org.springframework.web..",
                    "jakarta.servlet..")
            .because("read models are usable without the HTTP service, for example in an in-memory what-if replay");

    @ArchTest
    static final ArchRule projectionsHaveNoFloatingPoint = noClasses()
            .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class, double.class, float.class)
            .because("money and rates are exact: BigDecimal only");
}
