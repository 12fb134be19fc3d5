package io.cryptotracker.archfixture.beta;

import io.cryptotracker.archfixture.alpha.Alpha;
import io.cryptotracker.testsupport.EmbeddedServers;

/** Breaks the fence on purpose: uses alpha back, and test support. */
public class Beta {

    Alpha alpha;

    EmbeddedServers servers;
}
