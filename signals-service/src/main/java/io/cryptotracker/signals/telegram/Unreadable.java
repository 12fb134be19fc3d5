package io.cryptotracker.signals.telegram;

/** A post part that looks like a known format but cannot make a signal; the message is the reason shown to admins. */
final class Unreadable extends RuntimeException {

    Unreadable(String reason) {
        super(reason, null, false, false);
    }
}
