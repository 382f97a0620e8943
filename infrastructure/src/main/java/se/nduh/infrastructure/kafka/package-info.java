/** Kafka adapters for the published language: the comparison topic, its producer and its subscription. */
package se.nduh.infrastructure.kafka;
