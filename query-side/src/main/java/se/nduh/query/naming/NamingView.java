package se.nduh.query.naming;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A region's standing decision on being named in the comparisons, as its officials and auditors read it;
 * a region that never decided appears by its pseudonym ({@code named: false}, no decision).
 */
record NamingView(String region, boolean named, String decidedBy, LocalDate decisionDate, String minutesReference,
                  Instant decidedAt) {

    static NamingView undecided(String region) {
        return new NamingView(region, false, null, null, null, null);
    }
}
