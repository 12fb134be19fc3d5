package io.cryptotracker.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.Test;

/**
 * The fence of issue 14 over common-lib's production classes, here because common-lib cannot use test-support: no
 * service, no test support, and neither web stack (the servlet and reactive parts live in their own modules).
 */
class CommonLibArchitectureTest {

    private static final String ROOT = "io.cryptotracker.common";

    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(ROOT);

    @Test
    void usesNoServiceNoTestSupportAndNeitherWebStack() {
        CompositeArchRule.of(ArchitectureRules.dependsOnNoOtherService(ROOT)).and(ArchitectureRules.noTestSupport())
                .and(ArchitectureRules.servletStackOnly()).and(ArchitectureRules.reactiveStackOnly()).check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(CLASSES);
    }
}
