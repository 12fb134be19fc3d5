package io.cryptotracker.gateway.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The console's own files as the web-console jar holds them, each with a hash of its content, read once when the
 * gateway starts. A file is served at its plain path and at a hashed one, {@code app/main.js} at
 * {@code app/main.3f9c1a2b.js}: the hashed URL changes whenever the content does, so it can be cached for good.
 */
public final class ConsoleFiles {

    /** Where the web-console jar keeps its files (web-console/README.md). */
    public static final String CLASSPATH_DIRECTORY = "META-INF/cryptotracker-console/";

    /** Hex digits of the SHA-256 kept in a hashed file name: 32 bits tell the versions of one file apart. */
    static final int HASH_LENGTH = 8;

    private final Map<String, String> hashByPath;
    private final Map<String, String> pathByHashedPath = new TreeMap<>();

    ConsoleFiles(Map<String, String> hashByPath) {
        this.hashByPath = Collections.unmodifiableMap(new TreeMap<>(hashByPath));
        this.hashByPath.forEach((path, hash) -> pathByHashedPath.put(hashedPath(path, hash), path));
    }

    /** Every console file on the class path, hashed. */
    public static ConsoleFiles fromClasspath() {
        try {
            Map<String, String> hashes = new TreeMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + CLASSPATH_DIRECTORY + "**")) {
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf(CLASSPATH_DIRECTORY) + CLASSPATH_DIRECTORY.length());
                if (!path.isEmpty() && !path.endsWith("/") && resource.isReadable() && !hidden(path)) {
                    hashes.putIfAbsent(path, hash(resource.getContentAsByteArray()));
                }
            }
            return new ConsoleFiles(hashes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the console's files from the class path", ex);
        }
    }

    /** The files' paths (relative to the console's directory, {@code app/main.js}) with their content hashes. */
    public Map<String, String> hashByPath() {
        return hashByPath;
    }

    /** The hashed path of a console file, or {@code null} if there is no such file. */
    public String hashedPathOf(String path) {
        String hash = hashByPath.get(path);
        return hash == null ? null : hashedPath(path, hash);
    }

    /** The plain path a hashed path stands for, or {@code null} if it is not the hashed path of a file. */
    public String pathOfHashed(String hashedPath) {
        return pathByHashedPath.get(hashedPath);
    }

    /** The content hash of a console file, or {@code null} if there is no such file. */
    public String hashOf(String path) {
        return hashByPath.get(path);
    }

    /** {@code app/main.js} with hash {@code h} is {@code app/main.h.js}; a name without extension gets {@code .h}. */
    static String hashedPath(String path, String hash) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1) {
            return path + "." + hash;
        }
        return path.substring(0, dot) + "." + hash + path.substring(dot);
    }

    /** The first {@link #HASH_LENGTH} hex digits of the content's SHA-256. */
    static String hash(byte[] content) {
        return HexFormat.of().formatHex(sha256(content)).substring(0, HASH_LENGTH);
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JVM has SHA-256", ex);
        }
    }

    private static boolean hidden(String path) {
        return path.startsWith(".") || path.contains("/.");
    }
}
