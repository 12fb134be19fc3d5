package io.cryptotracker.signals.telegram;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One channel's score: its posts and how many we could read, its signals and how our own feed judged them.
 *
 * @param channel the chat id
 * @param parsedShare parsed posts of all posts (0..1), null without posts
 * @param checked signals checked against our feed (the rest are younger than the window or not yet reached)
 * @param confirmedShare confirmed of the checked signals (0..1), null when none was checked
 * @param medianLeadSeconds median of our first detector signal minus the post (positive: the channel was first),
 *        over the checked signals our detector also had; null when there are none
 */
record ChannelScore(String channel, @Schema(nullable = true) String title, long posts,
        @Schema(nullable = true) Double parsedShare, long signals, long checked,
        @Schema(nullable = true) Double confirmedShare, long notReproducible, long noMarketData,
        @Schema(nullable = true) Double medianLeadSeconds) {
}
