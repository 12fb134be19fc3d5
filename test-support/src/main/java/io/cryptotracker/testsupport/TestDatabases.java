package io.cryptotracker.testsupport;

import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/** Names the PostgreSQL database (and its owner role, of the same name) a test class gets from {@link EmbeddedInfrastructure}. */
public final class TestDatabases {

    private static final int MAX_LENGTH = 63;

    private TestDatabases() {
    }

    /**
     * A valid PostgreSQL identifier made of the class's simple name in snake case and a hash of its full name
     * (two classes with the same simple name in different packages get different databases), e.g.
     * {@code t_login_flow_tests_1a2b3c4d}. A {@code @Nested} class maps to its outermost enclosing class.
     */
    public static String nameFor(Class<?> testClass) {
        Class<?> owner = owningTestClass(testClass);
        String hash = String.format("%08x", crc32(owner.getName()));
        String words = snakeCase(owner.getName().substring(owner.getName().lastIndexOf('.') + 1));
        int room = MAX_LENGTH - "t_".length() - 1 - hash.length();
        if (words.length() > room) {
            words = words.substring(0, room).replaceAll("_+$", "");
        }
        return "t_" + words + "_" + hash;
    }

    /** The class whose context a test class shares: itself, or for a {@code @Nested} inner class its outermost host. */
    static Class<?> owningTestClass(Class<?> testClass) {
        Class<?> current = testClass;
        while (current.getEnclosingClass() != null && current.isMemberClass()
                && !Modifier.isStatic(current.getModifiers())) {
            current = current.getEnclosingClass();
        }
        return current;
    }

    private static String snakeCase(String simpleName) {
        String spaced = simpleName.replace('$', '_')
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return spaced.isEmpty() ? "test" : spaced;
    }

    private static long crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
