package io.cryptotracker.launcher;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cryptotracker.testsupport.DatabaseLogin;
import io.cryptotracker.testsupport.EmbeddedServers;

/**
 * Each service's database on the embedded PostgreSQL, owned by the service's own login role
 * ({@link SuiteService#databaseRole()}), which has no other rights: no superuser, no CREATEDB or CREATEROLE, no
 * CONNECT on another service's database. The passwords are generated once and kept in a file beside PostgreSQL's
 * data (readable by its owner only); they are never printed. Every start runs the whole setup again, so a data
 * directory from before the roles existed (every database and table owned by {@code postgres}) is upgraded.
 */
public final class ServiceDatabases {

    /** The passwords file's name in the launcher's data directory. */
    public static final String PASSWORDS_FILE = "postgres-roles.properties";

    private ServiceDatabases() {
    }

    /**
     * Creates or upgrades the roles and databases of the given services, with the passwords kept in
     * {@code passwordsFile} (missing ones are generated and added).
     *
     * @return how each of those services logs in to its database
     */
    public static Map<SuiteService, DatabaseLogin> provision(EmbeddedServers servers, List<SuiteService> services,
            Path passwordsFile) {
        Properties passwords = loadOrGenerate(passwordsFile, services);
        Map<SuiteService, DatabaseLogin> logins = new EnumMap<>(SuiteService.class);
        for (SuiteService service : services) {
            if (service.database().isEmpty()) {
                continue;
            }
            String role = service.databaseRole().orElseThrow();
            logins.put(service, servers.createDatabaseOwnedBy(service.database().get(), role,
                    passwords.getProperty(role)));
        }
        return logins;
    }

    private static Properties loadOrGenerate(Path file, List<SuiteService> services) {
        return LocalSecretsFile.loadOrGenerate(file,
                services.stream().flatMap(service -> service.databaseRole().stream()).toList(),
                "Local run only: each service's PostgreSQL role and its password (generated; deleted with the data by "
                        + "--fresh)");
    }
}
