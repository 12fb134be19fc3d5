package io.cryptotracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

@EmbeddedInfrastructure
@SpringBootTest(classes = EmbeddedInfrastructureTest.DataSourceOnly.class, webEnvironment = WebEnvironment.NONE,
        properties = "spring.data.redis.port=16379")
class EmbeddedInfrastructureTest {

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    @Test
    void theContextTalksToItsOwnDatabaseOnTheSharedServer() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .isEqualTo(TestDatabases.nameFor(EmbeddedInfrastructureTest.class))
                .startsWith("t_embedded_infrastructure_test_");
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo(EmbeddedServers.shared().jdbcUrl(TestDatabases.nameFor(EmbeddedInfrastructureTest.class)));
    }

    @Test
    void theContextLogsInAsItsDatabasesOwnRoleWhichIsNoSuperuser() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String database = TestDatabases.nameFor(EmbeddedInfrastructureTest.class);

        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(database);
        assertThat(jdbc.queryForObject("SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles "
                + "WHERE rolname = current_user", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?",
                String.class, database)).isEqualTo(database);
    }

    @Test
    void redisKafkaAndDiscoveryPropertiesPointAtTheEmbeddedServers() {
        EmbeddedServers servers = EmbeddedServers.shared();

        assertThat(environment.getProperty("spring.data.redis.host")).isEqualTo(servers.redisHost());
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(servers.kafkaBootstrapServers());
        assertThat(environment.getProperty("eureka.client.enabled", Boolean.class)).isFalse();
        assertThat(environment.getProperty("spring.cloud.service-registry.auto-registration.enabled", Boolean.class))
                .isFalse();
    }

    @Test
    void propertiesTheTestSetsItselfWin() {
        assertThat(environment.getProperty("spring.data.redis.port")).isEqualTo("16379");
    }

    @Nested
    class NestedTests {

        @Autowired
        DataSource nestedDataSource;

        @Test
        void aNestedClassSharesTheDatabaseOfItsEnclosingClass() {
            assertThat(new JdbcTemplate(nestedDataSource).queryForObject("SELECT current_database()", String.class))
                    .isEqualTo(TestDatabases.nameFor(EmbeddedInfrastructureTest.class));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class DataSourceOnly {
    }
}
