package io.cryptotracker.common.servlet;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.cryptotracker.testsupport.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The fence of issue 14 over common-servlet (with the common-lib it builds on)'s production classes ({@link ArchitectureRules}). */
class ArchitectureTest {

    private static final String ROOT = "io.cryptotracker.common";

    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(ROOT);

    @Test
    void usesNoServiceNoTestSupportAndNoReactiveWebCode() {
        ArchitectureRules.servletServiceBoundaries(ROOT).check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(CLASSES);
    }
}
