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
import java.util.List;
import java.util.Properties;

/**
 * Secrets the local run generates once and keeps in a properties file beside the embedded servers' data, readable by
 * its owner only, deleted with the data by {@code --fresh}. Their values are never printed.
 */
final class LocalSecretsFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecretsFile() {
    }

    /**
     * Reads {@code file} and adds a generated password for each of {@code keys} that has none (writing the file when
     * one was added).
     */
    static Properties loadOrGenerate(Path file, List<String> keys, String comment) {
        Properties secrets = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    secrets.load(reader);
                }
            }
            boolean added = false;
            for (String key : keys) {
                if (secrets.getProperty(key, "").isEmpty()) {
                    secrets.setProperty(key, newPassword());
                    added = true;
                }
            }
            if (added) {
                store(file, secrets, comment);
            }
            return secrets;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read or write the secrets in " + file, ex);
        }
    }

    private static void store(Path file, Properties secrets, String comment) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        // on a file system without POSIX permissions (Windows) the data directory's own permissions apply
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            secrets.store(writer, comment);
        }
    }

    /** 192 random bits, base64url: no word of the password policy's lists, no email part. */
    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
