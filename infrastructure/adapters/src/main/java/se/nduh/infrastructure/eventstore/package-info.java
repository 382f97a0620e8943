/** The MongoDB event store as Axon's storage engine, tracked by a global index, with the metadata every event carries. */
package se.nduh.infrastructure.eventstore;
