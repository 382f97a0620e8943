package se.nduh.query.benchmark;

/** Whether the region's elected officials decided that its comparison records carry its code. */
record NamingFacts(String region, boolean named) {
}
