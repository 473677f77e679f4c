package com.capitalledger.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain speaks only the business's language: no framework for wiring, storage or the web. */
@AnalyzeClasses(packages = "com.capitalledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesNoSpringJdbcOrWeb = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "javax.sql..",
                    "jakarta.servlet..",
                    "jakarta.persistence..",
                    "jakarta.ws..",
                    "com.fasterxml.jackson..",
                    "org.axonframework.spring..",
                    "org.axonframework.springboot..",
                    "com.capitalledger.projections..",
                    "com.capitalledger.api..")
            .because("ledger-core holds the business rules alone; wiring, storage and HTTP live in the outer modules");

    @ArchTest
    static final ArchRule coreHasNoFloatingPoint = noClasses()
            .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class, double.class, float.class)
            .because("money and rates are exact: BigDecimal only");
}
