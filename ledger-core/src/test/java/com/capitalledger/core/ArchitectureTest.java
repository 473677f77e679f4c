package com.capitalledger.core;

import com.capitalledger.core.calc.Xirr;
import com.capitalledger.core.program.NoProgramInterceptor;
import com.capitalledger.core.program.Program;
import com.capitalledger.core.rates.BaseRate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The domain speaks only the business's language: no framework for wiring, storage or the web. */
@AnalyzeClasses(packages = "com.capitalledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Set<String> FLOATING_POINT = Set.of("double", "float");

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
                    "com.capitalledger.journal..",
                    "com.capitalledger.projections..",
                    "com.capitalledger.api..")
            .because("ledger-core holds the business rules alone; wiring, storage and HTTP live in the outer modules");

    /**
     * Decisions, state and what-if replays are pure: the same answer for the same history, whoever runs them. Only the
     * Axon aggregates (shells that delegate) and the messages (with Axon's routing and revision annotations) may
     * name the framework.
     */
    @ArchTest
    static final ArchRule decisionCodeIsFreeOfFrameworkAndIo = noClasses()
            .that().doNotBelongToAnyOf(Program.class, BaseRate.class, NoProgramInterceptor.class)
            .and().resideOutsideOfPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "java.io..", "java.nio..",
                    "java.net..", "java.util.concurrent..")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .because("the live command path, what-if replays and property tests must all run the same pure code");

    /** Xirr alone iterates in double: an IRR is a root found to 1e-10, from exact money, reported to 4 dp. */
    @ArchTest
    static final ArchRule coreHasNoFloatingPoint = noClasses()
            .that().doNotBelongToAnyOf(Xirr.class)
            .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class, double.class, float.class)
            .because("money and rates are exact: BigDecimal only");

    /** ArchUnit counts no dependency on a primitive, so the rule above cannot see double fields and signatures. */
    @ArchTest
    static final ArchRule coreDeclaresNoFloatingPoint = classes()
            .that().doNotBelongToAnyOf(Xirr.class)
            .should(new ArchCondition<>("declare no double or float field, parameter or return value") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    Stream.concat(
                            javaClass.getFields().stream()
                                    .map(field -> Map.<JavaMember, JavaClass>entry(field, field.getRawType())),
                            javaClass.getCodeUnits().stream().flatMap(unit -> Stream.concat(
                                    Stream.of(Map.<JavaMember, JavaClass>entry(unit, unit.getRawReturnType())),
                                    unit.getRawParameterTypes().stream()
                                            .map(type -> Map.<JavaMember, JavaClass>entry(unit, type)))))
                            .filter(member -> FLOATING_POINT.contains(
                                    member.getValue().getBaseComponentType().getName()))
                            .forEach(member -> events.add(SimpleConditionEvent.violated(member.getKey(),
                                    member.getKey().getFullName() + " declares " + member.getValue().getSimpleName())));
                }
            })
            .because("money and rates are exact: BigDecimal only");

    /**
     * Each feature package (with its sub-packages) is a slice, and no two depend on each other both ways: what they
     * share lives in {@code core.shared}, which depends on no feature.
     */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.capitalledger.core.(*)..")
            .should().beFreeOfCycles()
            .because("a feature that can be read alone can be changed alone; the shared kernel breaks the cycles");
}
