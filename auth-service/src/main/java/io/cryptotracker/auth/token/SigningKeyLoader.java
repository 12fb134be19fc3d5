package io.cryptotracker.auth.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link SigningKeyRing} from configuration, or, when no key is configured, from a development key that
 * is generated once and kept in a file so tokens survive restarts of a local run.
 */
public final class SigningKeyLoader {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyLoader.class);
    private static final String FILE_PREFIX = "file:";

    private SigningKeyLoader() {
    }

    public static SigningKeyRing load(SigningKeyProperties properties) {
        if (properties.keys().isEmpty()) {
            SigningKey key = devKey(properties.devKeyFile());
            log.warn("No signing key configured (cryptotracker.auth.keys): signing access tokens with the DEVELOPMENT "
                    + "key {} kept in {}. Configure real keys for any shared or production environment.", key.id(),
                    properties.devKeyFile().toAbsolutePath());
            return new SigningKeyRing(List.of(key), key.id());
        }
        List<SigningKey> keys = new ArrayList<>();
        for (SigningKeyProperties.Key key : properties.keys()) {
            keys.add(PemKeys.read(key.id(), pem(key)));
        }
        SigningKeyRing ring = new SigningKeyRing(keys, properties.activeKeyId());
        log.info("Signing access tokens with key {}; publishing keys {}", ring.active().id(), ring.keyIds());
        return ring;
    }

    private static String pem(SigningKeyProperties.Key key) {
        String value = key.privateKey().strip();
        if (!value.startsWith(FILE_PREFIX)) {
            return value;
        }
        Path path = Path.of(value.substring(FILE_PREFIX.length()));
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the private key of " + key.id() + " from " + path, ex);
        }
    }

    /** Reads the development key, creating it first if the file does not exist (atomically: replicas may race). */
    static SigningKey devKey(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String pem = Files.readString(file, StandardCharsets.UTF_8);
            return PemKeys.read(devKeyId(pem), pem);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or create the development signing key " + file, ex);
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".auth-dev-key", ".tmp");
        try {
            restrictToOwner(temporary);
            Files.writeString(temporary, PemKeys.write(PemKeys.generate("dev").privateKey()), StandardCharsets.UTF_8);
            try {
                Files.createLink(file, temporary);
            }
            catch (FileAlreadyExistsException ex) {
                // another process created it first: use theirs
            }
            catch (UnsupportedOperationException | IOException ex) {
                moveIfAbsent(temporary, file);
            }
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void moveIfAbsent(Path temporary, Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException ex) {
            Files.move(temporary, file);
        }
    }

    private static void restrictToOwner(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException | IOException ex) {
            // not a POSIX file system: the directory's permissions apply
        }
    }

    /** A stable id derived from the key, so replicas sharing the file publish the same kid. */
    private static String devKeyId(String pem) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pem.strip().getBytes(StandardCharsets.UTF_8));
            return "dev-" + HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }
}
