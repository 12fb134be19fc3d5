package io.cryptotracker.auth.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The bundled list of passwords attackers try first, compared case-insensitively. */
public final class CommonPasswords {

    static final String RESOURCE = "/password/common-passwords.txt";

    private final Set<String> passwords;

    public CommonPasswords(Set<String> passwords) {
        Set<String> lowered = new HashSet<>();
        passwords.forEach(password -> lowered.add(password.toLowerCase(Locale.ROOT)));
        this.passwords = Set.copyOf(lowered);
    }

    /** The list shipped in {@value #RESOURCE}: one password a line, blank lines and {@code #} comments skipped. */
    public static CommonPasswords bundled() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            Set<String> passwords = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip());
                }
            }
            return new CommonPasswords(passwords);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
        }
    }

    public boolean contains(String password) {
        return passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return passwords.size();
    }
}
