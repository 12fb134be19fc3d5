package io.cryptotracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextCustomizer;

class EmbeddedInfrastructureContextCustomizerFactoryTest {

    private final EmbeddedInfrastructureContextCustomizerFactory factory =
            new EmbeddedInfrastructureContextCustomizerFactory();

    @Test
    void aClassWithoutTheAnnotationGetsNoCustomizer() {
        assertThat(factory.createContextCustomizer(EmbeddedInfrastructureContextCustomizerFactoryTest.class, List.of()))
                .isNull();
    }

    @Test
    void customizersAreEqualForTheSameTestClassOnly() {
        ContextCustomizer first = factory.createContextCustomizer(AnnotatedOne.class, List.of());
        ContextCustomizer again = factory.createContextCustomizer(AnnotatedOne.class, List.of());
        ContextCustomizer other = factory.createContextCustomizer(AnnotatedTwo.class, List.of());

        assertThat(first).isEqualTo(again).hasSameHashCodeAs(again).isNotEqualTo(other);
    }

    @Test
    void anInheritedAnnotationStillGivesTheSubclassItsOwnDatabase() {
        ContextCustomizer base = factory.createContextCustomizer(AnnotatedOne.class, List.of());
        ContextCustomizer subclass = factory.createContextCustomizer(InheritsAnnotation.class, List.of());

        assertThat(subclass).isNotNull().isNotEqualTo(base);
        assertThat(((EmbeddedInfrastructureContextCustomizer) subclass).database())
                .isEqualTo(TestDatabases.nameFor(InheritsAnnotation.class));
    }

    @Test
    void aNestedClassMapsToItsEnclosingClass() {
        ContextCustomizer outer = factory.createContextCustomizer(AnnotatedOne.class, List.of());
        ContextCustomizer inner = factory.createContextCustomizer(AnnotatedOne.Inner.class, List.of());

        assertThat(inner).isEqualTo(outer);
    }

    @Test
    void databaseNamesAreValidIdentifiersAndDifferPerClass() {
        String name = TestDatabases.nameFor(AVeryLongTestClassNameThatKeepsGoingOnAndOnBeyondWhatPostgreSqlAllowsIT.class);

        assertThat(name).hasSizeLessThanOrEqualTo(63).doesNotContain("__")
                .matches("t_embedded_infrastructure_context_customizer_factory[a-z_]*_[0-9a-f]{8}");
        assertThat(TestDatabases.nameFor(AnnotatedOne.class)).matches("t_[a-z0-9_]+_[0-9a-f]{8}")
                .isNotEqualTo(TestDatabases.nameFor(AnnotatedTwo.class));
        assertThat(TestDatabases.nameFor(EmbeddedServersTest.class)).matches("t_embedded_servers_test_[0-9a-f]{8}");
        assertThat(TestDatabases.nameFor(HTTPClientTests.class)).matches("t_[a-z0-9_]+_[0-9a-f]{8}");
    }

    @EmbeddedInfrastructure
    static class AnnotatedOne {

        class Inner {
        }
    }

    @EmbeddedInfrastructure
    static class AnnotatedTwo {
    }

    static class InheritsAnnotation extends AnnotatedOne {
    }

    static class AVeryLongTestClassNameThatKeepsGoingOnAndOnBeyondWhatPostgreSqlAllowsIT {
    }

    static class HTTPClientTests {
    }
}
