/**
 * The shared kernel: value objects, the command, event and query records, the published language on
 * Kafka and the anonymisation policy. Pure Java: no Spring, no Axon.
 */
package se.nduh.kernel;
