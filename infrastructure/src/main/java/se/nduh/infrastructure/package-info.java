/**
 * Adapters shared by the command side and the query side: the MongoDB event store and read-model access,
 * Kafka for comparison records, security, error translation, and the embedded servers of the single-machine run.
 */
package se.nduh.infrastructure;
