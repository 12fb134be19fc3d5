package io.cryptotracker.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cryptotracker.common.testsupport.DatabaseLogin;
import io.cryptotracker.common.testsupport.EmbeddedServers;

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

    private static final SecureRandom RANDOM = new SecureRandom();

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
        Properties passwords = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    passwords.load(reader);
                }
            }
            boolean added = false;
            for (SuiteService service : services) {
                String role = service.databaseRole().orElse(null);
                if (role != null && passwords.getProperty(role, "").isEmpty()) {
                    passwords.setProperty(role, newPassword());
                    added = true;
                }
            }
            if (added) {
                store(file, passwords);
            }
            return passwords;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read or write the database passwords in " + file, ex);
        }
    }

    private static void store(Path file, Properties passwords) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException ex) {
            // not a POSIX file system (Windows): the data directory's own permissions apply
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            passwords.store(writer, "Local run only: each service's PostgreSQL role and its password (generated; "
                    + "deleted with the data by --fresh)");
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
