/** The priority lists of the region's rounds: every ranking version, the decisions and the icke-göra lists. */
package se.nduh.query.priority;
