package io.cryptotracker.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt that reads every byte of a long password: one of at most 72 UTF-8 bytes (bcrypt's input limit) is bcrypt's
 * input as it is; a longer one is replaced by the byte {@code 0xFF} followed by the 32 bytes of its HMAC-SHA-256
 * under a server-side pepper. {@code 0xFF} never occurs in UTF-8, so no password anyone can send is ever the same
 * bcrypt input as another password's pre-hash, and without the pepper a SHA-256 of a reused password leaked
 * elsewhere is worth nothing here.
 * <p>
 * Passwords reach this encoder NFKC-normalized ({@link PasswordHasher}). Stored hashes carry the id
 * {@value #ID} in braces, the way Spring Security's {@code DelegatingPasswordEncoder} tells schemes apart;
 * {@link #upgradeEncoding} asks for a new hash when the stored one has a lower cost than configured.
 */
public final class PepperedBcrypt implements PasswordEncoder {

    /** The id of this scheme in a stored hash: {@code {bcrypt-hmac-sha256}$2a$12$…}. */
    public static final String ID = "bcrypt-hmac-sha256";

    static final int BCRYPT_MAX_BYTES = 72;
    private static final byte PREHASHED = (byte) 0xFF;
    private static final Pattern COST = Pattern.compile("\\$2[abxy]?\\$(\\d\\d)\\$.*");

    private final byte[] pepper;
    private final int cost;
    private final SecureRandom random = new SecureRandom();

    public PepperedBcrypt(byte[] pepper, int cost) {
        this.pepper = pepper.clone();
        this.cost = cost;
        mac();
    }

    @Override
    public String encode(CharSequence password) {
        return BCrypt.hashpw(bcryptInput(password), BCrypt.gensalt("$2a", cost, random));
    }

    @Override
    public boolean matches(CharSequence password, String hash) {
        if (hash == null || !COST.matcher(hash).matches()) {
            return false;
        }
        return BCrypt.checkpw(bcryptInput(password), hash);
    }

    @Override
    public boolean upgradeEncoding(String hash) {
        var cost = hash == null ? null : COST.matcher(hash);
        return cost == null || !cost.matches() || Integer.parseInt(cost.group(1)) < this.cost;
    }

    /** What bcrypt reads for a password: its UTF-8 bytes, or {@code 0xFF} and their HMAC when they are too many. */
    byte[] bcryptInput(CharSequence password) {
        byte[] bytes = password.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return bytes;
        }
        byte[] digest = mac().doFinal(bytes);
        byte[] input = new byte[digest.length + 1];
        input[0] = PREHASHED;
        System.arraycopy(digest, 0, input, 1, digest.length);
        return input;
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac;
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", ex);
        }
    }

    @Override
    public String toString() {
        return "PepperedBcrypt[cost=" + cost + "]";
    }
}
