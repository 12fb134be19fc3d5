package io.cryptotracker.auth.account;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Email handling: the one form accounts are looked up by, the rule that keeps look-alike addresses out, and a
 * masked form fit for logs.
 * <p>
 * Look-alikes: NFKC folds compatibility spellings (full-width {@code ａｌｉｃｅ}, ligatures, super- and
 * subscripts) into their plain letters before the lower-casing, so they are the same account as the plain
 * address. What NFKC cannot fold is refused: invisible and control characters (Unicode categories Cf, Cc, Co, Cn,
 * Cs – zero-width spaces and joiners, the byte order mark, bidi controls, soft hyphens), letters of more than
 * one script in the local part or in one label of the domain (Latin {@code alice} with a Cyrillic {@code а}), and a
 * part spelled only with Cyrillic or Greek letters that look Latin in an address that has Latin letters elsewhere
 * ({@code асе@example.com}, which reads as {@code ace@example.com}: UTS #39's whole-script confusables, for the
 * letters that matter). Letters of the Common and Inherited scripts (digits, punctuation, combining marks) go with
 * any script, and the script mixes that Unicode's "highly restrictive" profile allows are accepted: Latin with Han
 * and Hiragana/Katakana, with Han and Bopomofo, or with Han and Hangul. A Cyrillic name at a Latin domain
 * ({@code иван@mail.ru}), common among our Russian-speaking traders, is accepted.
 */
public final class EmailAddress {

    /** The length of the {@code users.email} and {@code users.email_normalized} columns. */
    public static final int MAX_LENGTH = 320;

    /** Lower-case Cyrillic and Greek letters that read as Latin ones in common fonts. */
    private static final String LATIN_LOOKALIKES = "асеһіјӏорԛѕԝхуԁкԍ" + "οαικνρτυχ";

    private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private EmailAddress() {
    }

    /**
     * Trimmed, NFKC, lower-cased: {@code Alice@Example.COM}, {@code ａｌｉｃｅ@example.com} and
     * {@code alice@example.com} are one account. Idempotent.
     */
    public static String normalize(String email) {
        if (email == null) {
            return null;
        }
        return Normalizer.normalize(canonical(email).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    /** Trimmed and NFKC, letter case kept: the form an account's address is stored and shown in. */
    public static String canonical(String email) {
        return email == null ? null : Normalizer.normalize(email.strip(), Normalizer.Form.NFKC);
    }

    /**
     * Why an address may not be used to register or sign in, as a field-error message; empty when it may. Checks
     * only the look-alike rule and the length; whether it is a well-formed address is bean validation's part.
     */
    public static Optional<String> refusal(String email) {
        String canonical = canonical(email);
        if (hasInvisibleCharacters(email) || hasInvisibleCharacters(canonical)) {
            return Optional.of("must not contain invisible, formatting or control characters");
        }
        if (!scriptsMayMix(canonical)) {
            return Optional.of("must not mix letters of different scripts, such as Latin with Cyrillic or Greek");
        }
        if (normalize(email).length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        return Optional.empty();
    }

    /** {@code alice@example.com} becomes {@code a***@example.com}: enough to tell accounts apart in a log. */
    public static String masked(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    private static boolean hasInvisibleCharacters(String text) {
        return text.codePoints().anyMatch(codePoint -> switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.CONTROL, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        });
    }

    /** The local part and each label of the domain, each on its own. */
    private static List<String> parts(String address) {
        int at = address.lastIndexOf('@');
        List<String> parts = new ArrayList<>();
        parts.add(at < 0 ? address : address.substring(0, at));
        if (at >= 0) {
            parts.addAll(List.of(address.substring(at + 1).split("\\.")));
        }
        return parts;
    }

    private static boolean scriptsMayMix(String address) {
        List<String> parts = parts(address);
        boolean latinSomewhere = !address.codePoints().allMatch(
                codePoint -> UnicodeScript.of(codePoint) != UnicodeScript.LATIN);
        for (String part : parts) {
            Set<UnicodeScript> scripts = scriptsOf(part);
            if (scripts.size() > 1 && ALLOWED_MIXES.stream().noneMatch(allowed -> allowed.containsAll(scripts))) {
                return false;
            }
            if (latinSomewhere && !scripts.isEmpty() && !scripts.contains(UnicodeScript.LATIN)
                    && part.codePoints().filter(Character::isLetter).allMatch(
                            codePoint -> LATIN_LOOKALIKES.indexOf(codePoint) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static Set<UnicodeScript> scriptsOf(String text) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        text.codePoints().mapToObj(UnicodeScript::of)
                .filter(script -> script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED
                        && script != UnicodeScript.UNKNOWN)
                .forEach(scripts::add);
        return scripts;
    }
}
