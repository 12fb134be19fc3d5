package io.cryptotracker.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The fence around every module (issue 14): feature packages free of cycles, no service using another, no production
 * code using test support, and one web stack per service. Each service's {@code ArchitectureTest} checks them over
 * its production classes ({@link #productionClasses}).
 */
public final class ArchitectureRules {

    /** Everything of ours: services, common-lib and test support. */
    static final String OURS = "io.cryptotracker..";

    static final String COMMON = "io.cryptotracker.common..";

    static final String TEST_SUPPORT = "io.cryptotracker.testsupport..";

    /** What a servlet service must not touch: WebFlux, Reactor Netty and our reactive twins. */
    static final String[] REACTIVE_STACK = { "org.springframework.web.reactive..", "org.springframework.web.server..",
            "reactor.netty..", "io.cryptotracker.common.web.reactive..", "io.cryptotracker.common.security.reactive.." };

    /** What a reactive service must not touch: the Servlet API, Spring MVC and our servlet twins. */
    static final String[] SERVLET_STACK = { "jakarta.servlet..", "org.springframework.web.servlet..",
            "io.cryptotracker.common.web.servlet..", "io.cryptotracker.common.security.servlet.." };

    private ArchitectureRules() {
    }

    /** The module's own classes under {@code rootPackage}, without test classes. */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** (1) The feature packages right under {@code rootPackage} ({@code io.cryptotracker.auth.(*)..}) use each other one way only. */
    public static ArchRule noCyclesBetweenFeatures(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles()
                .because("a feature package may use another, but not be used back");
    }

    /** (2) Code under {@code rootPackage} uses only itself, common-lib and libraries – no other service. */
    public static ArchRule dependsOnNoOtherService(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..").should().dependOnClassesThat(
                resideInAPackage(OURS).and(not(resideInAnyPackage(rootPackage + "..", COMMON, TEST_SUPPORT))))
                .because("services talk over HTTP and Kafka; what they share lives once in common-lib");
    }

    /** (3) No production class uses test support. */
    public static ArchRule noTestSupport() {
        return noClasses().should().dependOnClassesThat().resideInAPackage(TEST_SUPPORT)
                .because("test support is a test-scope module, never in a production jar");
    }

    /** (4) A servlet module carries no reactive web code. */
    public static ArchRule servletStackOnly() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(REACTIVE_STACK)
                .because("a servlet service runs on Spring MVC only");
    }

    /** (4) A reactive module carries no servlet web code. */
    public static ArchRule reactiveStackOnly() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(SERVLET_STACK)
                .because("a reactive service runs on WebFlux only");
    }

    /** Rules 2–4 for a Spring MVC service rooted at {@code rootPackage}. */
    public static ArchRule servletServiceBoundaries(String rootPackage) {
        return CompositeArchRule.of(dependsOnNoOtherService(rootPackage)).and(noTestSupport())
                .and(servletStackOnly());
    }

    /** Rules 2–4 for a WebFlux service rooted at {@code rootPackage}. */
    public static ArchRule reactiveServiceBoundaries(String rootPackage) {
        return CompositeArchRule.of(dependsOnNoOtherService(rootPackage)).and(noTestSupport())
                .and(reactiveStackOnly());
    }
}
