package io.cryptotracker.auth;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.cryptotracker.testsupport.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The fence of issue 14 over auth-service's production classes ({@link ArchitectureRules}). */
class ArchitectureTest {

    private static final String ROOT = "io.cryptotracker.auth";

    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(ROOT);

    @Test
    void usesNoOtherServiceNoTestSupportAndNoReactiveWebCode() {
        ArchitectureRules.servletServiceBoundaries(ROOT).check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(CLASSES);
    }
}
