package io.cryptotracker.common.web.input;

/**
 * The rule every string a client sends must pass: no NUL or other control character (tab, line feed and carriage
 * return excepted), no unpaired surrogate, no U+FFFE/U+FFFF. PostgreSQL refuses NUL in text, and the others are
 * either refused there or silently turned into '?', so they are stopped at the door. U+FFFD (what invalid UTF-8
 * decodes to) is a valid character and passes.
 */
public final class InputText {

    /** The message a refused field carries in a 400's {@code errors[]}. */
    public static final String INVALID = "must not contain NUL, control characters or unpaired surrogates";

    private InputText() {
    }

    /** Whether the text (null passes) contains only characters we store. */
    public static boolean isValid(CharSequence text) {
        return text == null || firstInvalid(text) < 0;
    }

    /** The text with each refused character (or lone surrogate) replaced by U+FFFD, for keeping what cannot be refused. */
    public static String scrub(String text) {
        if (isValid(text)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            }
            else {
                clean.append(refused(c) || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return clean.toString();
    }

    private static int firstInvalid(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || refused(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean refused(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == '\uFFFE' || c == '\uFFFF';
    }
}
