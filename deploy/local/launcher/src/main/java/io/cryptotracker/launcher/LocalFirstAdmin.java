package io.cryptotracker.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The first admin of a local run, so a newcomer can grant VIP in the console without configuring anything: the one
 * from {@code CRYPTOTRACKER_ADMIN_EMAIL} / {@code CRYPTOTRACKER_ADMIN_PASSWORD} when they are set (auth-service
 * reads them itself), otherwise {@value #DEFAULT_EMAIL} with a password generated once and kept in
 * {@value #PASSWORD_FILE} in the data directory (owner-readable, never printed; {@code --fresh} makes a new one).
 *
 * @param email the admin's email, printed at the end of the start
 * @param passwordFile where the generated password is, or {@code null} when the environment configures the admin
 * @param environment what auth-service needs added to its environment (empty when the environment configures it)
 */
record LocalFirstAdmin(String email, Path passwordFile, Map<String, String> environment) {

    static final String DEFAULT_EMAIL = "admin@cryptotracker.local";
    static final String PASSWORD_FILE = "first-admin.properties";

    private static final String EMAIL_VARIABLE = "CRYPTOTRACKER_ADMIN_EMAIL";
    private static final String PASSWORD_VARIABLE = "CRYPTOTRACKER_ADMIN_PASSWORD";

    static LocalFirstAdmin decide(Map<String, String> launcherEnvironment, Path dataDirectory) {
        String configured = launcherEnvironment.getOrDefault(EMAIL_VARIABLE, "");
        if (!configured.isBlank()) {
            return new LocalFirstAdmin(configured.strip(), null, Map.of());
        }
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        String password = LocalSecretsFile.loadOrGenerate(file, List.of("password"),
                "Local run only: the password of the first admin " + DEFAULT_EMAIL
                        + " (generated; deleted with the data by --fresh)").getProperty("password");
        return new LocalFirstAdmin(DEFAULT_EMAIL, file, Map.of(EMAIL_VARIABLE, DEFAULT_EMAIL,
                PASSWORD_VARIABLE, password));
    }
}
