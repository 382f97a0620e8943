package se.nduh.query.comparison;

/** Whether the region's elected officials decided that its comparison records carry its code. */
record NamingFacts(String region, boolean named) {
}
