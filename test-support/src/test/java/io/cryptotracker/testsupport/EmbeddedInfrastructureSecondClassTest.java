package io.cryptotracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

@EmbeddedInfrastructure
@SpringBootTest(classes = EmbeddedInfrastructureTest.DataSourceOnly.class, webEnvironment = WebEnvironment.NONE)
class EmbeddedInfrastructureSecondClassTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Test
    void anotherTestClassGetsAnotherDatabaseWithTheSameConfiguration() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE only_here (id int)");

        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .isEqualTo(TestDatabases.nameFor(EmbeddedInfrastructureSecondClassTest.class))
                .isNotEqualTo(TestDatabases.nameFor(EmbeddedInfrastructureTest.class));
        assertThat(environment.getProperty("spring.data.redis.port", Integer.class))
                .isEqualTo(EmbeddedServers.shared().redisPort());
    }
}
