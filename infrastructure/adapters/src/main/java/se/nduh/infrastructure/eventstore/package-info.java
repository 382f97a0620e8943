/** The MongoDB event store as Axon's storage engine, with the metadata every event carries. */
package se.nduh.infrastructure.eventstore;
