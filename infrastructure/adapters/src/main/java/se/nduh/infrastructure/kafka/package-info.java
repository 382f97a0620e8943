/**
 * Kafka adapters for the published language: a compacted topic per record type, its producer
 * ({@link se.nduh.infrastructure.kafka.TopicPublisher}) and its subscription
 * ({@link se.nduh.infrastructure.kafka.TopicSubscription}); the comparison topic's are the first of them.
 */
package se.nduh.infrastructure.kafka;
