package io.cryptotracker.common.reactive;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.cryptotracker.testsupport.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The fence of issue 14 over common-reactive (with the common-lib it builds on)'s production classes ({@link ArchitectureRules}). */
class ArchitectureTest {

    private static final String ROOT = "io.cryptotracker.common";

    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(ROOT);

    @Test
    void usesNoServiceNoTestSupportAndNoServletWebCode() {
        ArchitectureRules.reactiveServiceBoundaries(ROOT).check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(CLASSES);
    }
}
