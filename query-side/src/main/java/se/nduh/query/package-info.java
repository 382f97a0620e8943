/**
 * The query side: projections of the region events into MongoDB read models, the benchmarking views fed by
 * Kafka, and the query REST API. A runnable Spring Boot application.
 */
package se.nduh.query;
