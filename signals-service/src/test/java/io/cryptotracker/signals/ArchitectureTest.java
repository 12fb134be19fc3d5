package io.cryptotracker.signals;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.cryptotracker.testsupport.architecture.ArchitectureRules;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The fence of issue 14 over signals-service's production classes ({@link ArchitectureRules}). */
class ArchitectureTest {

    private static final String ROOT = "io.cryptotracker.signals";

    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(ROOT);

    @Test
    void usesNoOtherServiceNoTestSupportAndNoReactiveWebCode() {
        ArchitectureRules.servletServiceBoundaries(ROOT).check(CLASSES);
    }

    @Test
    @Disabled("cycle config <-> telegram (SignalsConfiguration builds telegram.PostParser, telegram reads config.SignalsProperties), found by this fence and not yet assigned under issue 14 – see h-sym report")
    void featurePackagesHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(CLASSES);
    }
}
