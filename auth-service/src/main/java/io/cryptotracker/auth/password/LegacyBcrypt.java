package io.cryptotracker.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the hashes stored before {@link PepperedBcrypt} (no id in braces): plain bcrypt of the password, or, for
 * one longer than 72 UTF-8 bytes, bcrypt of {@code $sha256$} + Base64(SHA-256(password)). That pre-hash is a
 * string anyone can type, so a sent password of exactly that shape is never accepted here: whoever holds an
 * unsalted SHA-256 of a reused long password must not sign in with it. Checking one still costs a bcrypt run, so
 * the answer takes as long as any other. Only checks; every hash it accepts is to be replaced
 * ({@code DelegatingPasswordEncoder} asks for an upgrade of every hash without the current id).
 */
final class LegacyBcrypt implements PasswordEncoder {

    static final String PREHASH_PREFIX = "$sha256$";
    private static final Pattern PREHASH = Pattern.compile(Pattern.quote(PREHASH_PREFIX) + "[A-Za-z0-9+/]{43}=");

    @Override
    public String encode(CharSequence password) {
        throw new UnsupportedOperationException("Legacy hashes are only checked, never written");
    }

    @Override
    public boolean matches(CharSequence password, String hash) {
        if (hash == null || !hash.startsWith("$2")) {
            return false;
        }
        boolean typedPrehash = PREHASH.matcher(password).matches();
        boolean matches = BCrypt.checkpw(bcryptInput(password.toString()), hash);
        return matches && !typedPrehash;
    }

    /** What the old scheme gave bcrypt: the password, or {@code $sha256$} and its Base64 SHA-256 when too long. */
    static String bcryptInput(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= PepperedBcrypt.BCRYPT_MAX_BYTES) {
            return password;
        }
        try {
            return PREHASH_PREFIX
                    + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }
}
