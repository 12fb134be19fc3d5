package io.cryptotracker.signals.telegram;

import java.util.List;

import io.cryptotracker.signals.telegram.PostText.Line;

/** One of the post formats of SPEC Appendix B. */
interface PostFormat {

    String name();

    /** Whether the part looks like this format (its labels are there). */
    boolean recognizes(List<Line> part);

    /**
     * @throws Unreadable when the part looks like this format but lacks what a signal needs
     */
    ParsedSignal read(List<Line> part);
}
