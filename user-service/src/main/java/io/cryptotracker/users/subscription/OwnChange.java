package io.cryptotracker.users.subscription;

import io.cryptotracker.common.web.ValidationException;

/**
 * The body of {@code PUT /users/me/subscription}: {@code {"auto_renew": true|false}} or
 * {@code {"status": "CANCELLED"}} (both together cancel with auto-renew off).
 *
 * @param autoRenew null when not given
 * @param status null when not given
 */
public record OwnChange(Boolean autoRenew, Cancellation status) {

    /** The one status a user may set. */
    public enum Cancellation {
        CANCELLED
    }

    boolean cancel() {
        return status == Cancellation.CANCELLED;
    }

    /**
     * The two fields together: one of them is needed, and a cancellation cannot turn auto-renew on.
     *
     * @throws ValidationException naming {@code auto_renew}
     */
    OwnChange checked() {
        if (autoRenew == null && status == null) {
            throw new ValidationException("auto_renew", "give auto_renew (true or false) or status CANCELLED");
        }
        if (cancel() && Boolean.TRUE.equals(autoRenew)) {
            throw new ValidationException("auto_renew", "cannot be true when cancelling");
        }
        return this;
    }
}
