package io.cryptotracker.archfixture.alpha;

import io.cryptotracker.archfixture.beta.Beta;
import io.cryptotracker.otherfixture.OtherService;

/** Breaks the fence on purpose: uses beta (which uses alpha back) and another "service". */
public class Alpha {

    Beta beta;

    OtherService other;
}
