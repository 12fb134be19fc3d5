package io.cryptotracker.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.cryptotracker.archfixture.alpha.Alpha;
import io.cryptotracker.archfixture.beta.Beta;
import org.junit.jupiter.api.Test;

/** The rules bite: a fixture that breaks each of them is reported. */
class ArchitectureRulesTest {

    private static final JavaClasses FIXTURE = new ClassFileImporter().importClasses(Alpha.class, Beta.class);

    @Test
    void aCycleBetweenFeaturePackagesIsReported() {
        assertThat(ArchitectureRules.noCyclesBetweenFeatures("io.cryptotracker.archfixture").evaluate(FIXTURE)
                .getFailureReport().getDetails()).anySatisfy(detail -> assertThat(detail).contains("Cycle detected"));
    }

    @Test
    void anotherServiceAndTestSupportAreReported() {
        assertThat(ArchitectureRules.dependsOnNoOtherService("io.cryptotracker.archfixture").evaluate(FIXTURE)
                .getFailureReport().getDetails()).anySatisfy(detail -> assertThat(detail).contains("OtherService"));
        assertThat(ArchitectureRules.noTestSupport().evaluate(FIXTURE).getFailureReport().getDetails())
                .anySatisfy(detail -> assertThat(detail).contains("EmbeddedServers"));
    }
}
