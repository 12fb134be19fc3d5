package io.cryptotracker.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points one test class's context at the shared embedded servers and at its own database, which it uses as that
 * database's own login role (named like the database, no superuser), as a service does in production: a migration
 * or query that needs more rights fails in the test. Equal for the same test class only, so Spring's context cache
 * gives every test class its own context (and database).
 */
final class EmbeddedInfrastructureContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "embeddedInfrastructure";

    // what the test declares itself takes precedence over the embedded servers' addresses
    private static final String[] TEST_OWN_SOURCES = { "Inlined Test Properties", "Dynamic Test Properties" };

    // one random password for the test roles of this JVM: never written anywhere but the contexts' properties
    private static final String ROLE_PASSWORD = UUID.randomUUID().toString();

    private final Class<?> testClass;
    private final String database;

    EmbeddedInfrastructureContextCustomizer(Class<?> testClass) {
        this.testClass = testClass;
        this.database = TestDatabases.nameFor(testClass);
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        EmbeddedServers servers = EmbeddedServers.shared();
        DatabaseLogin login = servers.createDatabaseOwnedBy(database, database, ROLE_PASSWORD);
        addPropertySource(context.getEnvironment().getPropertySources(),
                new MapPropertySource(PROPERTY_SOURCE_NAME, properties(servers, login)));
        trackClose(context);
    }

    /** The properties a context gets: addresses of the servers, its own database and role, Eureka off. */
    static Map<String, Object> properties(EmbeddedServers servers, DatabaseLogin login) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", login.jdbcUrl());
        properties.put("spring.datasource.username", login.username());
        properties.put("spring.datasource.password", login.password());
        properties.put("spring.data.redis.host", servers.redisHost());
        properties.put("spring.data.redis.port", servers.redisPort());
        properties.put("spring.kafka.bootstrap-servers", servers.kafkaBootstrapServers());
        properties.put("eureka.client.enabled", false);
        properties.put("eureka.client.register-with-eureka", false);
        properties.put("eureka.client.fetch-registry", false);
        properties.put("spring.cloud.service-registry.auto-registration.enabled", false);
        return properties;
    }

    private static void addPropertySource(MutablePropertySources sources, MapPropertySource source) {
        String lowestOwn = null;
        for (String name : TEST_OWN_SOURCES) {
            if (sources.contains(name) && (lowestOwn == null
                    || sources.precedenceOf(sources.get(name)) > sources.precedenceOf(sources.get(lowestOwn)))) {
                lowestOwn = name;
            }
        }
        if (lowestOwn != null) {
            sources.addAfter(lowestOwn, source);
        }
        else {
            sources.addFirst(source);
        }
    }

    private static void trackClose(ConfigurableApplicationContext context) {
        if (context instanceof GenericApplicationContext generic) {
            // registered before any bean, so destroyed after all of them (Kafka consumers included)
            OpenTestContexts.opened();
            generic.getDefaultListableBeanFactory().registerDisposableBean(EmbeddedInfrastructureContextCustomizer.class.getName() + ".closeTracker",
                    OpenTestContexts::closed);
        }
    }

    String database() {
        return database;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof EmbeddedInfrastructureContextCustomizer customizer
                && testClass.equals(customizer.testClass));
    }

    @Override
    public int hashCode() {
        return testClass.hashCode();
    }

    @Override
    public String toString() {
        return "EmbeddedInfrastructure[" + testClass.getName() + " -> database " + database + "]";
    }
}
